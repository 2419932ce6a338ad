import { randomUUID } from "node:crypto";
import type { AppContext } from "../../src/context";
import { partnerRegistrations } from "../../src/db/schema";

/**
 * A registration of one of the organisation's badges, mapped to "organiser"
 * level 1; when requalification is proposed, the proposal keeps that target.
 */
export async function buildRegistration(
  ctx: AppContext,
  options: { organisationId: string; state?: "submitted" | "requalification_proposed" },
) {
  const state = options.state ?? "submitted";
  const target = { family: "organiser", level: 1, equivalence: "one_for_one" as const };
  const [row] = await ctx.db
    .insert(partnerRegistrations)
    .values({
      organisationId: options.organisationId,
      source: "json",
      badgeClassIri: `urn:uuid:${randomUUID()}`,
      name: "Badge partenaire",
      target,
      justification: "Justification",
      state,
      proposal: state === "requalification_proposed" ? { ...target, note: "Proposition" } : null,
    })
    .returning();
  return row!;
}
