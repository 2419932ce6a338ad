/** The regional competences: the targets a partner badge may be mapped to, and a person's badges. */
import { csrfToken } from "./client";
import { type ResponseOf, request } from "./http";

export type CompetenceTarget = ResponseOf<"/api/competences/targets">["targets"][number];

export const competenceKeys = {
  targets: () => ["competence-targets"] as const,
};

export const fetchCompetenceTargets = () => request("get", "/api/competences/targets");

/** A person's badges: the regional ones and those handed in from partners, and the passport. */
export type MyBadges = ResponseOf<"/api/me/partner-badges">;
export type HeldBadge = MyBadges["credentials"][number];
export type MyPassport = MyBadges["passport"];
export type HandedIn = ResponseOf<"/api/me/partner-badges", "post">;

export const myBadgeKeys = {
  all: () => ["my-badges"] as const,
};

export const fetchMyBadges = () => request("get", "/api/me/partner-badges");

/** A partner badge handed in as text (JSON, a JWT or a link); the answer says whether it counts. */
export const handInBadgeText = (badge: string) =>
  request("post", "/api/me/partner-badges", { body: { badge } });

/**
 * A partner badge handed in as its baked image, sent as it is (not JSON),
 * with the CSRF token the JSON calls send.
 */
export async function handInBadgeImage(file: File): Promise<HandedIn> {
  const response = await fetch("/api/me/partner-badges/image", {
    method: "POST",
    headers: {
      "content-type": file.type || "image/png",
      "x-csrf-token": csrfToken(),
      "accept-language": document.documentElement.lang,
    },
    body: file,
  });
  const body = (await response.json()) as HandedIn & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
  return body;
}

export const setPassportPublic = (open: boolean) =>
  request("post", "/api/me/passport", { body: { public: open } });

/** Deletes the person's account for good; `confirm` is their email address. */
export const deleteMyAccount = (confirm: string) =>
  request("post", "/api/me/delete", { body: { confirm } });
