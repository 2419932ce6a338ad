export type ParticipationKind = "participant" | "ambassador";

// Where the applications module reads it from.
export { isParticipant } from "./participation.repo";

/** Which role a badge class confers when granted (the Participant and Ambassadeur badges), if any. */
export function participationOf(badge: {
  rule: Record<string, unknown> | null;
}): ParticipationKind | null {
  if (badge.rule?.kind !== "participation") return null;
  return badge.rule.participation === "ambassador" ? "ambassador" : "participant";
}
