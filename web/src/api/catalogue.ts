/** The public catalogue: programmes, their badges, sessions and collection history. */
import { type ResponseOf, request } from "./http";

export type ProgrammeCatalogue = ResponseOf<"/api/public/programmes/{slug}/badges">;
export type PublicBadge = ProgrammeCatalogue["badges"][number];
/** Who awards a badge and how: what its validity counts from. */
export type Awarding = PublicBadge["awarding"];
/** A programme, or (partner set) a partner's own badges on Blason. */
export type ProgrammeRef = Pick<ProgrammeCatalogue["programme"], "slug" | "name" | "partner">;

export const catalogueKeys = {
  programme: (slug: string) => ["catalogue", slug] as const,
  sessions: (slug: string) => ["sessions", slug] as const,
  badge: (id: string) => ["badge", id] as const,
  history: (slug: string) => ["history", slug] as const,
};

export const fetchProgrammeBadges = (slug: string) =>
  request("get", "/api/public/programmes/{slug}/badges", { path: { slug } });

export type PublicBadgeDetail = ResponseOf<"/api/public/badges/{id}">;
export type ProgrammeSession = ResponseOf<"/api/programmes/{slug}/sessions">["sessions"][number];
export type ProgrammeHistory = ResponseOf<"/api/public/programmes/{slug}/collections">;
export type HistoryCollection = ProgrammeHistory["collections"][number];

export const fetchSessions = (slug: string) =>
  request("get", "/api/programmes/{slug}/sessions", { path: { slug } });
export const fetchPublicBadge = (id: string) =>
  request("get", "/api/public/badges/{id}", { path: { id } });
export const fetchHistory = (slug: string) =>
  request("get", "/api/public/programmes/{slug}/collections", { path: { slug } });

/** Same-origin path of an absolute URL the API gives (images are served by us). */
export const sameOriginPath = (url: string) => new URL(url).pathname;
