import type { AppContext } from "../../context";
import type { Locale } from "../../errors";
import { listMessages } from "../dialogue/dialogue.repo";
import { can } from "../policy/policy";
import { listReviewsWithNames } from "../review/review.repo";
import { findSession, reviewersAnonymous } from "./applications.repo";
import { type ApplicationState, availableEvents, type EventActor } from "./applications.rules";
import { intakeOf, type Reader, readableApplication } from "./applications.service";
import { listFiles, listStaffBadges } from "./evidence.repo";
import { missingCriteria } from "./evidence.service";
import { presentMessages } from "./messages.service";

/** The whole application as its reader may see it, with what they may do next. */
export async function describeApplication(
  ctx: AppContext,
  options: { caller: Reader; id: string; locale?: Locale },
) {
  const { id, locale = "fr" } = options;
  const found = await readableApplication(ctx, options.caller.principal, id);
  const p = options.caller.principal!;
  const files = await listFiles(ctx.db, id);
  const staffBadges = await listStaffBadges(ctx.db, id);
  const reviews = await listReviewsWithNames(ctx.db, id);
  const messages = await listMessages(ctx.db, { kind: "application", id });
  const session = await findSession(ctx.db, found.application.sessionId);
  const manager = can(p, "application.manage");
  const mine = reviews.find((r) => r.review.reviewerId === p.userId);
  const applicant = can(p, "application.apply", { org: found.org });
  // A reviewer sees the others' reviews once theirs is in; the CFA sees none (the motivation speaks).
  const seeReviews = manager || mine?.review.state === "submitted";
  const side: EventActor | null = applicant ? "applicant" : manager ? "manager" : null;
  const underReview = found.application.state === "under_review";
  const pseudonyms =
    applicant && !manager && (await reviewersAnonymous(ctx.db, found.badge.collectionId));
  return {
    found,
    files,
    staffBadges,
    session,
    messages: presentMessages(messages, pseudonyms, locale),
    reviews: reviews
      // A review given back to its author is theirs again, out of the others' sight.
      .filter(
        (r) =>
          r.review.reviewerId === p.userId ||
          manager ||
          (seeReviews && r.review.state === "submitted"),
      )
      .map((r) => ({ ...r.review, name: r.name })),
    panel: applicant
      ? []
      : reviews.map((r) => ({
          reviewerId: r.review.reviewerId,
          name: r.name,
          state: r.review.state,
        })),
    can: {
      events: side
        ? availableEvents(found.application.state as ApplicationState, side, intakeOf(found.badge))
        : [],
      review: underReview && mine?.review.state === "assigned",
      reopen: underReview && can(p, "review.reopen"),
      message: true,
    },
    missing: await missingCriteria(ctx.db, found),
  };
}
