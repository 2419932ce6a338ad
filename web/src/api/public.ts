/** What anyone may read: passports, laureates, statistics, issuers. */
import { type ResponseOf, request } from "./http";

export type Passport = ResponseOf<"/api/public/passports/{slug}">;
export type Laureate = ResponseOf<"/api/public/laureates">["laureates"][number];
export type Statistics = ResponseOf<"/api/public/statistics">;
export type PersonPassport = ResponseOf<"/api/public/people/{slug}">;

/** The issuer's OB 3.0 Profile. */
export type IssuerProfile = ResponseOf<"/issuers/{slug}">;

export const publicKeys = {
  passport: (slug: string) => ["passport", slug] as const,
  person: (slug: string) => ["person-passport", slug] as const,
  laureates: () => ["laureates"] as const,
  statistics: () => ["statistics"] as const,
  issuer: (slug: string) => ["issuer", slug] as const,
};

export const fetchPassport = (slug: string) =>
  request("get", "/api/public/passports/{slug}", { path: { slug } });

export const fetchPersonPassport = (slug: string) =>
  request("get", "/api/public/people/{slug}", { path: { slug } });

export const fetchLaureates = () => request("get", "/api/public/laureates");

export const fetchStatistics = () => request("get", "/api/public/statistics");

export const fetchIssuer = (slug: string) => request("get", "/issuers/{slug}", { path: { slug } });
