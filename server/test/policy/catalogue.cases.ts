import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { collections } from "../../src/db/schema";
import { firstBadge } from "../support/applications";
import {
  buildDraftBadge,
  buildEquivalence,
  buildIdea,
  catalogueDraft,
  clearDrafts,
  draftBadgeInput,
  unlinkedEquivalencePair,
} from "../support/catalogue";
import type { World } from "../support/world";
import { type Cases, everyone, onOwnCfa, ownCfa, signedIn, staffOnly } from "./matrix";

const labelCfa = { params: { slug: "label-cfa" } };
const aBadge = async (w: World) => ({ params: { id: (await firstBadge(w.platform.ctx)).id } });
const theDraft = async (w: World) => ({
  params: { id: (await catalogueDraft(w.platform.ctx)).id },
});
const aDraftBadge = async (w: World) => ({
  params: { id: (await buildDraftBadge(w.platform.ctx)).id },
});

/** The catalogue, its public pages and its management; badge ideas. */
export const catalogueCases: Cases = {
  "GET /api/public/programmes": { expect: everyone(200) },
  "GET /api/public/programmes/:slug/badges": { request: () => labelCfa, expect: everyone(200) },
  "GET /api/public/badges/:id": { request: aBadge, expect: everyone(200) },
  "GET /api/public/badges/:id/image.png": { request: aBadge, expect: everyone(200) },
  "GET /api/public/badges/:id/image.svg": { request: aBadge, expect: everyone(200) },
  "GET /api/public/programmes/:slug/collections": {
    request: () => labelCfa,
    expect: everyone(200),
  },
  "GET /api/manage/programmes/:slug/collections": {
    request: () => labelCfa,
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/manage/programmes/:slug/draft": {
    request: async (w) => {
      // No draft may exist for a new one to start.
      await clearDrafts(w.platform.ctx);
      return {
        ...labelCfa,
        body: { version: `v${randomUUID().slice(0, 8)}`, name: "Nouveau brouillon" },
      };
    },
    expect: staffOnly(201, ["manager"]),
  },
  "PATCH /api/manage/collections/:id": {
    request: async (w) => ({ ...(await theDraft(w)), body: { labelTotal: 10 } }),
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/manage/collections/:id/badges": {
    request: async (w) => ({
      ...(await theDraft(w)),
      body: draftBadgeInput({ slug: `ajout-${randomUUID().slice(0, 8)}`, name: "Badge ajouté" }),
    }),
    expect: staffOnly(201, ["manager"]),
  },
  "PATCH /api/manage/badges/:id": {
    request: async (w) => ({ ...(await aDraftBadge(w)), body: { name: "Nouveau nom" } }),
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/manage/badges/:id/move": {
    request: async (w) => ({ ...(await aDraftBadge(w)), body: { direction: "up" } }),
    expect: staffOnly(204, ["manager"]),
  },
  "DELETE /api/manage/badges/:id": { request: aDraftBadge, expect: staffOnly(204, ["manager"]) },
  "POST /api/manage/collections/:id/publish": {
    // A draft that cannot be published: the manager hears why, nothing changes.
    request: async (w) => {
      const draft = await theDraft(w);
      await w.platform.ctx.db
        .update(collections)
        .set({ labelTotal: 99 })
        .where(eq(collections.id, draft.params.id));
      return { ...draft, body: {} };
    },
    expect: staffOnly(400, ["manager"]),
  },
  "DELETE /api/manage/collections/:id": { request: theDraft, expect: staffOnly(204, ["manager"]) },
  "GET /api/manage/programmes/:slug/equivalences": {
    request: () => labelCfa,
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/manage/equivalences": {
    request: async (w) => ({ body: await unlinkedEquivalencePair(w.platform.ctx) }),
    expect: staffOnly(201, ["manager"]),
  },
  "DELETE /api/manage/equivalences/:id": {
    request: async (w) => ({ params: { id: (await buildEquivalence(w.platform.ctx)).id } }),
    expect: staffOnly(204, ["manager"]),
  },
  "GET /api/ideas": { expect: signedIn(200) },
  "POST /api/organisations/:id/ideas": {
    request: (w) => ({
      ...ownCfa(w),
      body: { title: "Une idée", description: "Une idée de badge pour le CFA." },
    }),
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/ideas/:id/answer": {
    request: async (w) => ({
      params: { id: (await buildIdea(w.platform.ctx, { organisationId: w.cfaId })).id },
      body: { outcome: "answered", answer: "Merci, nous l'étudions." },
    }),
    expect: staffOnly(204, ["manager"]),
  },
};
