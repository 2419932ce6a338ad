/** Mentoring (parrainage): pairings, requests for a mentor, the mentee's sharing choice, the thread. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type MentoringList = ResponseOf<"/api/mentoring">;
export type PairingSummary = MentoringList["pairings"][number];
export type MentoringRequest = MentoringList["requests"][number];
export type PairingStatus = PairingSummary["status"];
export type Pairing = ResponseOf<"/api/mentoring/pairings/{id}">;
export type SharedDraft = ResponseOf<"/api/mentoring/pairings/{id}/drafts">["drafts"][number];
export type NewPairing = BodyOf<"/api/mentoring/pairings", "post">;
export type NewMentoringRequest = BodyOf<"/api/mentoring/requests", "post">;
export type SharingChoice = BodyOf<"/api/mentoring/pairings/{id}/sharing", "put">;

export const mentoringKeys = {
  all: () => ["mentoring"] as const,
  pairing: (id: string) => ["mentoring", id] as const,
  progress: (id: string) => ["mentoring", id, "progress"] as const,
  drafts: (id: string) => ["mentoring", id, "drafts"] as const,
};

export const fetchMentoring = () => request("get", "/api/mentoring");
export const pairMentor = (body: NewPairing) =>
  request("post", "/api/mentoring/pairings", { body });
export const requestMentor = (body: NewMentoringRequest) =>
  request("post", "/api/mentoring/requests", { body });
export const fetchPairing = (id: string) =>
  request("get", "/api/mentoring/pairings/{id}", { path: { id } });
export const setSharing = (id: string, body: SharingChoice) =>
  request("put", "/api/mentoring/pairings/{id}/sharing", { path: { id }, body });
export const endPairing = (id: string) =>
  request("post", "/api/mentoring/pairings/{id}/end", { path: { id }, body: {} });
export const postMentoringMessage = (id: string, body: string) =>
  request("post", "/api/mentoring/pairings/{id}/messages", { path: { id }, body: { body } });
export const fetchSharedProgress = (id: string) =>
  request("get", "/api/mentoring/pairings/{id}/progress", { path: { id } });
export const fetchSharedDrafts = (id: string) =>
  request("get", "/api/mentoring/pairings/{id}/drafts", { path: { id } });
