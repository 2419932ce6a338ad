import type { AppContext } from "../../src/context";
import { type SupportState, supportAdvisers, supportRequests } from "../../src/db/schema";

/** An organisation that advises others, on every topic unless told. */
export async function buildAdviser(
  ctx: AppContext,
  organisationId: string,
  overrides: { badges?: string[]; themes?: string[]; capacity?: number; active?: boolean } = {},
) {
  await ctx.db
    .insert(supportAdvisers)
    .values({ organisationId, capacity: 5, ...overrides })
    .onConflictDoNothing();
}

/** A request of `organisationId` given to `adviserOrganisationId`, in `state`. */
export async function buildSupportRequest(
  ctx: AppContext,
  options: { organisationId: string; adviserOrganisationId: string; state?: SupportState },
) {
  const state = options.state ?? "open";
  const [row] = await ctx.db
    .insert(supportRequests)
    .values({
      organisationId: options.organisationId,
      adviserOrganisationId: options.adviserOrganisationId,
      question: "Quelles preuves pour le badge accueil ?",
      state,
      assignedAt: new Date(),
      ...(state.startsWith("meeting")
        ? {
            meeting: {
              startsAt: "2027-01-12T09:00:00.000Z",
              place: "CFA de Rouen, salle 2",
              videoUrl: null,
              note: null,
              by: state === "meeting_countered" ? "asker" : "adviser",
            },
          }
        : {}),
    })
    .returning();
  return row!;
}
