import type { Actor } from "./audit.repo";

/** How the audit log names a signed-in user. */
export function actorOf(user: { id: string; email: string }): Extract<Actor, { kind: "user" }> {
  return { kind: "user", id: user.id, label: user.email };
}
