/** What programme managers edit: the draft collection of a programme, its badges, and equivalences. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type ProgrammeSlug = "label-cfa" | "competences";
export type ManagedCollections = ResponseOf<"/api/manage/programmes/{slug}/collections">;
export type ManagedCollection = ManagedCollections["collections"][number];
export type Draft = NonNullable<ManagedCollections["draft"]>;
export type DraftBadge = Draft["badges"][number];
export type Criterion = DraftBadge["criteria"][number];
export type BadgeChanges = BodyOf<"/api/manage/badges/{id}", "patch">;
export type BadgeRule = NonNullable<BadgeChanges["rule"]>;
export type NewBadge = BodyOf<"/api/manage/collections/{id}/badges", "post">;
export type CollectionChanges = BodyOf<"/api/manage/collections/{id}", "patch">;
export type NewDraft = BodyOf<"/api/manage/programmes/{slug}/draft", "post">;
export type MoveDirection = BodyOf<"/api/manage/badges/{id}/move", "post">["direction"];
export type Equivalence =
  ResponseOf<"/api/manage/programmes/{slug}/equivalences">["equivalences"][number];
export type NewEquivalence = BodyOf<"/api/manage/equivalences", "post">;

export const catalogueAdminKeys = {
  collections: (programme: ProgrammeSlug) => ["manage-collections", programme] as const,
  equivalences: () => ["manage-equivalences"] as const,
};

export const fetchManagedCollections = (programme: ProgrammeSlug) =>
  request("get", "/api/manage/programmes/{slug}/collections", { path: { slug: programme } });

export const createDraft = (programme: ProgrammeSlug, body: NewDraft) =>
  request("post", "/api/manage/programmes/{slug}/draft", { path: { slug: programme }, body });

export const updateCollection = (id: string, body: CollectionChanges) =>
  request("patch", "/api/manage/collections/{id}", { path: { id }, body });

export const publishCollection = (id: string) =>
  request("post", "/api/manage/collections/{id}/publish", { path: { id }, body: {} });

export const discardDraft = (id: string) =>
  request("delete", "/api/manage/collections/{id}", { path: { id } });

export const addBadge = (collectionId: string, body: NewBadge) =>
  request("post", "/api/manage/collections/{id}/badges", { path: { id: collectionId }, body });

export const updateBadge = (id: string, body: BadgeChanges) =>
  request("patch", "/api/manage/badges/{id}", { path: { id }, body });

export const moveBadge = (id: string, direction: MoveDirection) =>
  request("post", "/api/manage/badges/{id}/move", { path: { id }, body: { direction } });

export const removeBadge = (id: string) =>
  request("delete", "/api/manage/badges/{id}", { path: { id } });

export const fetchEquivalences = (programme: ProgrammeSlug) =>
  request("get", "/api/manage/programmes/{slug}/equivalences", { path: { slug: programme } });

export const addEquivalence = (body: NewEquivalence) =>
  request("post", "/api/manage/equivalences", { body });

export const removeEquivalence = (id: string) =>
  request("delete", "/api/manage/equivalences/{id}", { path: { id } });
