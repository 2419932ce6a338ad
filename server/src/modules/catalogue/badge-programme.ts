import type { badgeClasses } from "../../db/schema";
import { type Awarding, awardingOf } from "./awarding";

type BadgeRow = typeof badgeClasses.$inferSelect;

/** Where a badge belongs, in the first HTML response: its programme, or the partner that issues it. */
export type BadgeProgramme = {
  programmeName: string;
  /** The collection's version, or a sentence when it is no longer in force. */
  collection: string;
  partner: string | null;
  awarding: Awarding;
};

/** A badge class as found with its collection, programme and the programme's owner, if a partner. */
export function badgeProgrammeOf(found: {
  badge: Pick<BadgeRow, "kind" | "rule">;
  collection: { version: string; inForce: boolean };
  programme: { name: string; ownerOrgId: string | null };
  owner: { name: string } | null;
}): BadgeProgramme {
  return {
    programmeName: found.programme.name,
    collection: found.collection.inForce
      ? found.collection.version
      : `${found.collection.version}, collection qui n'est plus en vigueur`,
    partner: found.owner?.name ?? null,
    awarding: awardingOf(found.badge, found.programme),
  };
}
