import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../src/context";
import { badgeClasses, mentoringPairings, mentoringRequests } from "../../src/db/schema";
import { buildCredential } from "./credentials";

/**
 * A pairing of `menteeId` with `mentorId`, started yesterday, for a year,
 * sharing what is asked (nothing by default). Written directly: the rules
 * are tried through the API in mentoring.test.ts.
 */
export async function buildPairing(
  ctx: AppContext,
  options: { menteeId: string; mentorId: string; shareProgress?: boolean; shareDrafts?: boolean },
) {
  const startsAt = new Date(Date.now() - 86_400_000);
  const [row] = await ctx.db
    .insert(mentoringPairings)
    .values({
      menteeId: options.menteeId,
      mentorId: options.mentorId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 365 * 86_400_000),
      shareProgress: options.shareProgress ?? false,
      shareDrafts: options.shareDrafts ?? false,
    })
    .returning();
  return row!;
}

/** Ends every open pairing of the mentee, so that a manager may pair it again. */
export async function endPairingsOf(ctx: AppContext, menteeId: string) {
  await ctx.db
    .update(mentoringPairings)
    .set({ endedAt: new Date() })
    .where(and(eq(mentoringPairings.menteeId, menteeId), isNull(mentoringPairings.endedAt)));
}

/** Withdraws the organisation's open mentoring requests, so that it may ask again. */
export async function withdrawMentoringRequests(ctx: AppContext, organisationId: string) {
  await ctx.db
    .update(mentoringRequests)
    .set({ state: "withdrawn" })
    .where(
      and(
        eq(mentoringRequests.organisationId, organisationId),
        eq(mentoringRequests.state, "open"),
      ),
    );
}

/** The organisation obtains the label now (its credential issued as the label module does). */
export async function obtainLabel(ctx: AppContext, organisationId: string) {
  const [label] = await ctx.db.select().from(badgeClasses).where(eq(badgeClasses.kind, "label"));
  return buildCredential(ctx, { organisationId, badgeClassId: label!.id });
}
