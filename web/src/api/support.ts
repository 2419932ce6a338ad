/** Support requests between CFAs, and the programme's contacts and texts (edited by managers). */
import { type BodyOf, type ResponseOf, request } from "./http";

export type SupportRequest = ResponseOf<"/api/support/requests">["requests"][number];
export type SupportRequestDetail = ResponseOf<"/api/support/requests/{id}">;
export type NewSupportRequest = BodyOf<"/api/organisations/{id}/support-requests", "post">;
export type MeetingProposal = BodyOf<"/api/support/requests/{id}/meeting", "post">;
export type ProgrammeText = ResponseOf<"/api/public/programme-texts">["texts"][number];

export const supportKeys = {
  requests: () => ["support", "requests"] as const,
  request: (id: string) => ["support", "request", id] as const,
  programmeTexts: () => ["programme-texts"] as const,
  advisers: () => ["support", "advisers"] as const,
  figures: () => ["support", "figures"] as const,
};

export const fetchSupportRequests = () => request("get", "/api/support/requests");
export const fetchSupportRequest = (id: string) =>
  request("get", "/api/support/requests/{id}", { path: { id } });
export const askForSupport = (organisationId: string, body: NewSupportRequest) =>
  request("post", "/api/organisations/{id}/support-requests", {
    path: { id: organisationId },
    body,
  });
export const proposeMeeting = (id: string, body: MeetingProposal) =>
  request("post", "/api/support/requests/{id}/meeting", { path: { id }, body });
export const acceptMeeting = (id: string) =>
  request("post", "/api/support/requests/{id}/meeting/accept", { path: { id }, body: {} });
export const closeSupportRequest = (id: string, feedback: string) =>
  request("post", "/api/support/requests/{id}/close", { path: { id }, body: { feedback } });

export const fetchProgrammeTexts = () => request("get", "/api/public/programme-texts");
export const editProgrammeText = (key: string, body: { fr: string; en: string }) =>
  request("put", "/api/programme-texts/{key}", { path: { key }, body });

export type SupportAdviser = ResponseOf<"/api/support/advisers">["advisers"][number];
export type SupportMonth = ResponseOf<"/api/support/figures">["months"][number];
export const postSupportMessage = (id: string, body: string) =>
  request("post", "/api/support/requests/{id}/messages", { path: { id }, body: { body } });
export const counterMeeting = (id: string, body: MeetingProposal) =>
  request("post", "/api/support/requests/{id}/meeting/counter", { path: { id }, body });
export const reassignSupportRequest = (id: string, adviserOrganisationId: string) =>
  request("post", "/api/support/requests/{id}/reassign", {
    path: { id },
    body: { adviserOrganisationId },
  });
export const fetchSupportAdvisers = () => request("get", "/api/support/advisers");
export const fetchSupportFigures = () => request("get", "/api/support/figures");
