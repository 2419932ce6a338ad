/**
 * Every page of the web app, by name. The router (main.tsx) is built from
 * this list, and the server imports it to answer 404 for any other path:
 * one list, so that a page added here exists on both sides. Plain data, no
 * React, so that the server can read it.
 */
export const pagePaths = {
  home: "/",
  signIn: "/connexion",
  catalogue: "/programmes/:slug",
  history: "/programmes/:slug/historique",
  badge: "/badges/:id",
  verify: "/verify",
  credential: "/credentials/:id",
  applications: "/demandes",
  passport: "/passports/:slug",
  laureates: "/laureats",
  issuer: "/issuers/:slug",
  statistics: "/statistiques",
  labelProgress: "/organisations/:id/label",
  labelRequests: "/gestion/labels",
  catalogueAdmin: "/gestion/catalogue",
  ideas: "/idees",
  mentoring: "/parrainage",
  pairing: "/parrainage/:id",
  support: "/conseil",
  myBadges: "/mes-badges",
  personPassport: "/personnes/:slug",
  application: "/demandes/:id",
  organisationBadges: "/organisations/:id/badges",
  partner: "/organisations/:id/partenaire",
  registrationsAdmin: "/gestion/partenaires",
  issuedBadges: "/gestion/badges-delivres",
  magicLink: "/connexion/lien",
  forgotPassword: "/mot-de-passe-oublie",
  resetPassword: "/mot-de-passe/nouveau",
  verifyEmail: "/verifier-email",
  invitation: "/invitation/:token",
  dashboard: "/accueil",
  organisations: "/organisations",
  organisation: "/organisations/:id",
  account: "/compte",
  adminUsers: "/admin/utilisateurs",
  audit: "/admin/journal",
  mailbox: "/dev/boite-mail",
  legal: "/mentions-legales",
  privacy: "/donnees-personnelles",
  accessibility: "/accessibilite",
  sitemap: "/plan-du-site",
  oauthConsent: "/autorisation/:uid",
  oauthGrants: "/mes-applications",
  endorsements: "/approbations",
  endorsementInvitation: "/approbations/invitation/:token",
} as const;

export type PageName = keyof typeof pagePaths;

const patterns = Object.values(pagePaths).map((path) => path.split("/").filter(Boolean));

/**
 * Whether a URL path is one of the pages, matched as the router matches it
 * (case-sensitive routes, a `:name` stands for one non-empty segment,
 * trailing slashes allowed, segments percent-decoded).
 */
export function isPagePath(pathname: string): boolean {
  const trimmed = pathname.replace(/\/+$/, "");
  if (trimmed.includes("//")) return false;
  let segments: string[];
  try {
    segments = trimmed.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return false;
  }
  return patterns.some(
    (pattern) =>
      pattern.length === segments.length &&
      pattern.every((part, i) => part.startsWith(":") || part === segments[i]),
  );
}
