import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../src/context";
import {
  applicationBadges,
  applicationFiles,
  applications,
  calendarSessions,
  reviewAssignments,
} from "../../src/db/schema";
import { catalogueBadges } from "./factories";

type ApplicationState = "draft" | "submitted" | "under_review";

/** The first badge of the label collection in force. */
export async function firstBadge(ctx: AppContext) {
  const [badge] = await catalogueBadges(ctx);
  return badge!;
}

/**
 * An application of `organisationId` for the first catalogue badge, every
 * criterion answered; past the draft, it is submitted to the first session
 * and `reviewers` are assigned to it.
 */
export async function buildApplication(
  ctx: AppContext,
  options: { organisationId: string; state?: ApplicationState; reviewers?: string[] },
) {
  const state = options.state ?? "draft";
  const badge = await firstBadge(ctx);
  const [session] = await ctx.db.select().from(calendarSessions).limit(1);
  const [application] = await ctx.db
    .insert(applications)
    .values({
      organisationId: options.organisationId,
      badgeClassId: badge.id,
      state,
      answers: Object.fromEntries(
        badge.criteria.map((_, i) => [String(i), { answer: "Oui", links: [] }]),
      ),
      ...(state === "draft" ? {} : { sessionId: session!.id, submittedAt: new Date() }),
    })
    .returning();
  const reviewers = options.reviewers ?? [];
  if (reviewers.length > 0)
    await ctx.db
      .insert(reviewAssignments)
      .values(reviewers.map((reviewerId) => ({ applicationId: application!.id, reviewerId })));
  return application!;
}

/** `reviewerId` has handed in a review of the application, recommending to grant it. */
export async function submitReviewOf(
  ctx: AppContext,
  options: { applicationId: string; reviewerId: string },
) {
  await ctx.db
    .update(reviewAssignments)
    .set({ state: "submitted", recommendation: "grant", comment: "Vu.", submittedAt: new Date() })
    .where(
      and(
        eq(reviewAssignments.applicationId, options.applicationId),
        eq(reviewAssignments.reviewerId, options.reviewerId),
      ),
    );
}

/** A PDF proof of criterion 0 attached to the application. */
export async function buildApplicationFile(ctx: AppContext, options: { applicationId: string }) {
  const [file] = await ctx.db
    .insert(applicationFiles)
    .values({
      applicationId: options.applicationId,
      criterion: "0",
      filename: "preuve.pdf",
      contentType: "application/pdf",
      size: 8,
      sha256: "0".repeat(64),
      content: Buffer.from("%PDF-1.4"),
    })
    .returning();
  return file!;
}

/** A staff member's badge, not verified, handed in for criterion 0. */
export async function buildStaffBadge(ctx: AppContext, options: { applicationId: string }) {
  const [row] = await ctx.db
    .insert(applicationBadges)
    .values({
      applicationId: options.applicationId,
      criterion: "0",
      holderName: "Formatrice",
      source: "text",
      input: "{}",
      verified: false,
      problems: [],
    })
    .returning();
  return row!;
}
