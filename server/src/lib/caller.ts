import type { UserRow } from "../modules/auth/auth.repo";
import type { Principal } from "../modules/policy/policy";

/** Who calls a service on a user's behalf: their roles (to authorise) and their row (to record). */
export type Caller = { principal: Principal; user: UserRow };
