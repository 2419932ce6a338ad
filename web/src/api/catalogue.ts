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
