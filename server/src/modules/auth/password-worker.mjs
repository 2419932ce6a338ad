// The password checks' thread entry (see password-check.ts): it teaches the
// thread TypeScript, as the engine's credential workers do, then loads the rule.
import { register } from "tsx/esm/api";

if (!process.execArgv.some((arg) => arg.includes("tsx"))) register();
const rules = await import("./password-rules.ts");
export default ({ password, personal }) => rules.passwordProblem(password, personal);
