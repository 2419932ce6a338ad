/** The label: an organisation's progress towards it, its requests, the managers' decisions. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type LabelProgress = ResponseOf<"/api/organisations/{id}/label">;
export type LabelBadge = LabelProgress["badges"][number];
export type LabelBadgeState = LabelBadge["state"];
export type LabelState = LabelProgress["label"];
export type LabelRequestView = ResponseOf<"/api/label-requests">["requests"][number];
export type LabelDecisionBody = BodyOf<"/api/label-requests/{id}/decision", "post">;

export const labelKeys = {
  progress: (organisationId: string) => ["label-progress", organisationId] as const,
  requests: () => ["label-requests"] as const,
};

export const fetchLabelProgress = (organisationId: string) =>
  request("get", "/api/organisations/{id}/label", { path: { id: organisationId } });
export const requestLabel = (organisationId: string) =>
  request("post", "/api/organisations/{id}/label/requests", {
    path: { id: organisationId },
    body: {},
  });
export const withdrawLabelRequest = (id: string) =>
  request("post", "/api/label-requests/{id}/withdraw", { path: { id }, body: {} });
export const fetchLabelRequests = () => request("get", "/api/label-requests");
export const decideLabelRequest = (id: string, body: LabelDecisionBody) =>
  request("post", "/api/label-requests/{id}/decision", { path: { id }, body });
