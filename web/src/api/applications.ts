/** Badge applications: the list, one application, its answers, files, reviews and decision. */
import { ApiError, csrfToken } from "./client";
import { type BodyOf, type QueryOf, type ResponseOf, request, urlOf } from "./http";

export type ApplicationSummary = ResponseOf<"/api/applications">["applications"][number];
export type ApplicationDetail = ResponseOf<"/api/applications/{id}">;
export type ApplicationState = ApplicationDetail["state"];
export type ApplicationEvent = ApplicationDetail["can"]["events"][number];
export type ApplicationFile = ApplicationDetail["files"][number];
export type StaffBadge = ApplicationDetail["staffBadges"][number];
export type Review = ApplicationDetail["reviews"][number];
export type Reviewer = ResponseOf<"/api/reviewers">["reviewers"][number];
export type HeldCredential =
  ResponseOf<"/api/organisations/{id}/credentials">["credentials"][number];
export type ApplicationsQuery = QueryOf<"/api/applications", "get">;
export type NewApplicationBody = BodyOf<"/api/applications", "post">;
export type ApplicationPatch = BodyOf<"/api/applications/{id}", "patch">;
export type ReviewBody = BodyOf<"/api/applications/{id}/review", "post">;
export type DecisionBody = BodyOf<"/api/applications/{id}/decision", "post">;

export const applicationKeys = {
  all: () => ["applications"] as const,
  list: (scope: string) => ["applications", scope] as const,
  mine: () => ["applications", "mine"] as const,
  detail: (id: string) => ["application", id] as const,
  reviewers: (applicationId?: string) => ["reviewers", applicationId] as const,
  /** The organisation's record, shared with its page (its sites are the application's scope). */
  organisation: (id: string) => ["organisation", id] as const,
  heldCredentials: (organisationId: string) =>
    ["organisation-credentials", organisationId] as const,
};

export const fetchApplications = (query: ApplicationsQuery = {}) =>
  request("get", "/api/applications", { query });
export const fetchApplication = (id: string) =>
  request("get", "/api/applications/{id}", { path: { id } });
export const createApplication = (body: NewApplicationBody) =>
  request("post", "/api/applications", { body });
export const updateApplication = (id: string, body: ApplicationPatch) =>
  request("patch", "/api/applications/{id}", { path: { id }, body });
export const submitApplication = (id: string) =>
  request("post", "/api/applications/{id}/submit", { path: { id }, body: {} });
export const withdrawApplication = (id: string) =>
  request("post", "/api/applications/{id}/withdraw", { path: { id }, body: {} });
export const removeFile = (id: string, fileId: string) =>
  request("delete", "/api/applications/{id}/files/{fileId}", { path: { id, fileId } });
export const fileUrl = (id: string, fileId: string) => `/api/applications/${id}/files/${fileId}`;
export const addStaffBadge = (
  id: string,
  body: BodyOf<"/api/applications/{id}/staff-badges", "post">,
) => request("post", "/api/applications/{id}/staff-badges", { path: { id }, body });
export const removeStaffBadge = (id: string, badgeId: string) =>
  request("delete", "/api/applications/{id}/staff-badges/{badgeId}", { path: { id, badgeId } });
export const sendMessage = (id: string, body: string) =>
  request("post", "/api/applications/{id}/messages", { path: { id }, body: { body } });
export const submitReview = (id: string, body: ReviewBody) =>
  request("post", "/api/applications/{id}/review", { path: { id }, body });
export const recuse = (id: string, reason: string) =>
  request("post", "/api/applications/{id}/recuse", { path: { id }, body: { reason } });
export const reopenReview = (id: string, reviewerId: string, reason: string) =>
  request("post", "/api/applications/{id}/reviews/{reviewerId}/reopen", {
    path: { id, reviewerId },
    body: { reason },
  });
export const assignReviewers = (id: string, reviewerIds: string[]) =>
  request("post", "/api/applications/{id}/reviewers", { path: { id }, body: { reviewerIds } });
export const decide = (id: string, body: DecisionBody) =>
  request("post", "/api/applications/{id}/decision", { path: { id }, body });
/** The peer group; for one application, each reviewer with why they are not offered. */
export const fetchReviewers = (applicationId?: string) =>
  request("get", "/api/reviewers", applicationId ? { query: { applicationId } } : {});
export const fetchOrganisation = (id: string) =>
  request("get", "/api/organisations/{id}", { path: { id } });
export const fetchHeldCredentials = (organisationId: string) =>
  request("get", "/api/organisations/{id}/credentials", { path: { id: organisationId } });

/** Uploads a file with a progress bar (fetch cannot report upload progress; XHR can). */
export function uploadFile(
  applicationId: string,
  criterion: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ApplicationFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/applications/${applicationId}/files?criterion=${criterion}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.setRequestHeader("Accept-Language", document.documentElement.lang);
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      const data = JSON.parse(xhr.responseText || "{}");
      if (xhr.status === 201) resolve(data as ApplicationFile);
      else
        reject(
          new ApiError(
            xhr.status,
            data.error?.code ?? "INTERNAL",
            data.error?.message ?? xhr.statusText,
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "Network error"));
    xhr.send(file);
  });
}

/** Sends a staff member's baked badge image (PNG or SVG) as evidence for a criterion. */
export async function uploadStaffBadgeImage(
  applicationId: string,
  criterion: string,
  holderName: string,
  image: File,
): Promise<void> {
  const response = await fetch(
    `/api/applications/${applicationId}/staff-badges/image?criterion=${criterion}&holderName=${encodeURIComponent(holderName)}`,
    {
      method: "POST",
      headers: {
        "content-type": image.type || "application/octet-stream",
        "x-file-name": encodeURIComponent(image.name),
        "x-csrf-token": csrfToken(),
        "accept-language": document.documentElement.lang,
      },
      body: image,
    },
  );
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    throw new Error(body?.error?.message ?? response.statusText);
  }
}

/** The managers' queue, paged and filtered on the server, and the same filter as CSV. */
export type QueueQuery = QueryOf<"/api/manager/applications", "get">;
export type QueuePage = ResponseOf<"/api/manager/applications">;
export type QueueRow = QueuePage["rows"][number];
export const fetchApplicationQueue = (query: QueueQuery) =>
  request("get", "/api/manager/applications", { query });
export const applicationQueueCsvUrl = (query: QueueQuery) => {
  const { page: _page, pageSize: _size, ...filters } = query;
  return urlOf("/api/manager/applications.csv", {}, filters);
};
