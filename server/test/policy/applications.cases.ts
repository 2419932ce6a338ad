import { and, eq } from "drizzle-orm";
import { applications } from "../../src/db/schema";
import {
  buildApplication,
  buildApplicationFile,
  buildStaffBadge,
  firstBadge,
  submitReviewOf,
} from "../support/applications";
import { catalogueBadges } from "../support/factories";
import type { World } from "../support/world";
import { type Cases, everyone, onOwnApplication, onOwnCfa, signedIn, staffOnly } from "./matrix";

/** A fresh application of the own CFA, with the matrix reviewers assigned if asked. */
const application = async (
  w: World,
  state: "draft" | "submitted" | "under_review",
  withReviewers = false,
) =>
  buildApplication(w.platform.ctx, {
    organisationId: w.cfaId,
    state,
    reviewers: withReviewers ? [w.users.reviewer.id, w.extraReviewerId] : [],
  });
const aDraft = async (w: World) => ({ params: { id: (await application(w, "draft")).id } });
const underReview = async (w: World) => ({
  params: { id: (await application(w, "under_review", true)).id },
});
const aFile = async (w: World) => {
  const { id } = await application(w, "draft");
  const file = await buildApplicationFile(w.platform.ctx, { applicationId: id });
  return { params: { id, fileId: file.id } };
};

/** Applications for a badge: drafting, review, decision, and the sessions they go to. */
export const applicationCases: Cases = {
  "GET /api/programmes/:slug/sessions": {
    request: () => ({ params: { slug: "label-cfa" } }),
    expect: everyone(200),
  },
  "GET /api/reviewers": { expect: staffOnly(200, ["manager"]) },
  "GET /api/applications": { expect: signedIn(200) },
  "POST /api/applications": {
    request: async (w) => {
      // A badge the CFA does not hold (other cases award it the first ones).
      const badge = (await catalogueBadges(w.platform.ctx)).at(-1)!;
      // One open application per badge: clear the way for each caller.
      await w.platform.ctx.db
        .delete(applications)
        .where(
          and(eq(applications.organisationId, w.cfaId), eq(applications.badgeClassId, badge.id)),
        );
      return { body: { organisationId: w.cfaId, badgeClassId: badge.id } };
    },
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/applications/:id": {
    request: aDraft,
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "PATCH /api/applications/:id": {
    request: async (w) => ({
      ...(await aDraft(w)),
      body: { answers: { "0": { answer: "Mise à jour", links: [] } } },
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/submit": {
    request: async (w) => ({ ...(await aDraft(w)), body: {} }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/withdraw": {
    request: async (w) => ({ ...(await aDraft(w)), body: {} }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/reviewers": {
    request: async (w) => ({
      params: { id: (await application(w, "submitted")).id },
      body: { reviewerIds: [w.users.reviewer.id, w.extraReviewerId] },
    }),
    expect: onOwnApplication(200, ["manager"]),
  },
  "POST /api/applications/:id/recuse": {
    request: async (w) => ({
      ...(await underReview(w)),
      body: { reason: "J'ai travaillé avec ce CFA l'an dernier." },
    }),
    expect: onOwnApplication(204, ["reviewer"], true),
  },
  "POST /api/applications/:id/review": {
    request: async (w) => {
      const badge = await firstBadge(w.platform.ctx);
      return {
        ...(await underReview(w)),
        body: {
          ratings: Object.fromEntries(badge.criteria.map((_, i) => [String(i), 3])),
          recommendation: "grant",
          comment: "Dossier complet.",
        },
      };
    },
    expect: onOwnApplication(200, ["reviewer"], true),
  },
  "POST /api/applications/:id/reviews/:reviewerId/reopen": {
    request: async (w) => {
      const { params } = await underReview(w);
      const reviewerId = w.users.reviewer.id;
      await submitReviewOf(w.platform.ctx, { applicationId: params.id, reviewerId });
      return {
        params: { ...params, reviewerId },
        body: { reason: "De nouvelles pièces sont arrivées." },
      };
    },
    expect: onOwnApplication(200, ["manager"], true),
  },
  "POST /api/applications/:id/decision": {
    request: async (w) => ({
      params: { id: (await application(w, "under_review")).id },
      body: { outcome: "refused", motivation: "Les preuves sont insuffisantes." },
    }),
    expect: onOwnApplication(200, ["manager"]),
  },
  "POST /api/applications/:id/messages": {
    request: async (w) => ({
      ...(await aDraft(w)),
      body: { body: "Une question sur le critère 2." },
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "POST /api/applications/:id/files": {
    request: async (w) => ({
      ...(await aDraft(w)),
      query: { criterion: "0" },
      body: Buffer.from("%PDF-1.4\n%%EOF\n"),
      headers: { "content-type": "application/pdf", "x-file-name": "preuve.pdf" },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/staff-badges": {
    request: async (w) => ({
      ...(await aDraft(w)),
      body: { criterion: "0", holderName: "Formatrice", text: '{"type":"nothing"}' },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/staff-badges/image": {
    request: async (w) => ({
      ...(await aDraft(w)),
      query: { criterion: "0", holderName: "Formatrice" },
      body: Buffer.from("\x89PNG\r\n\x1a\nnot really"),
      headers: { "content-type": "image/png", "x-file-name": "badge.png" },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "DELETE /api/applications/:id/staff-badges/:badgeId": {
    request: async (w) => {
      const { id } = await application(w, "draft");
      const badge = await buildStaffBadge(w.platform.ctx, { applicationId: id });
      return { params: { id, badgeId: badge.id } };
    },
    expect: onOwnApplication(204, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/applications/:id/files/:fileId": {
    request: aFile,
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "DELETE /api/applications/:id/files/:fileId": {
    request: aFile,
    expect: onOwnApplication(204, ["cfaMember", "cfaAdmin"]),
  },
};
