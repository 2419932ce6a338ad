import { neutralFilename } from "../../lib/filenames";
import { type ApplicationState, criteriaToAnswer } from "./applications.rules";
import type { ApplicationDetail, ApplicationListRow } from "./applications.schema";
import { intakeOf, type listApplications } from "./applications.service";
import type { describeApplication } from "./detail.service";

type Described = Awaited<ReturnType<typeof describeApplication>>;
type ListedRow = Awaited<ReturnType<typeof listApplications>>[number];

/** An application as the detail page reads it. */
export function presentDetail(d: Described): ApplicationDetail {
  const a = d.found.application;
  return {
    id: a.id,
    state: a.state as ApplicationState,
    kind: a.kind as "first" | "renewal",
    intake: intakeOf(d.found.badge),
    badge: {
      id: d.found.badge.id,
      name: d.found.badge.name,
      required: d.found.badge.required,
      recognises: d.found.badge.recognises,
      criteria: d.found.badge.criteria,
      renewalExtra: d.found.badge.renewalExtra,
    },
    organisation: {
      id: d.found.org.id,
      name: d.found.org.name,
      kind: d.found.org.kind,
      contactEmail: d.found.org.contactEmail,
    },
    session: d.session
      ? {
          id: d.session.id,
          name: d.session.name,
          deadline: d.session.deadline,
          commissionDate: d.session.commissionDate,
          revisionsOnly: d.session.revisionsOnly,
        }
      : null,
    scope: a.scope,
    answers: a.answers,
    motivation: a.motivation,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    updatedAt: a.updatedAt,
    // Names kept before bidi controls were neutralised are shown neutralised too.
    files: d.files.map((f) => ({ ...f, filename: neutralFilename(f.filename) })),
    staffBadges: d.staffBadges.map((b) =>
      b.source === "image" ? { ...b, input: neutralFilename(b.input) } : b,
    ),
    criteriaToAnswer: criteriaToAnswer(d.found.badge, a.kind),
    missing: d.missing,
    panel: d.panel,
    reviews: d.reviews,
    messages: d.messages,
    can: d.can,
  };
}

function reviewStateOf(state: string | null): "assigned" | "submitted" | null {
  return state === "assigned" || state === "submitted" ? state : null;
}

/** A row of a list: the application, with the caller's own review when they sit on its panel. */
export function presentListRow(row: ListedRow): ApplicationListRow {
  return {
    id: row.application.id,
    state: row.application.state as ApplicationState,
    kind: row.application.kind as "first" | "renewal",
    intake: intakeOf(row),
    badge: row.badge,
    organisation: row.org,
    session: row.session?.name
      ? (row.session as {
          name: string;
          deadline: string;
          commissionDate: string;
          revisionsOnly: boolean;
        })
      : null,
    submittedAt: row.application.submittedAt,
    updatedAt: row.application.updatedAt,
    myReview: reviewStateOf(row.myReview),
  };
}
