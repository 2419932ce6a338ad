import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  addStaffBadge,
  applicationKeys,
  assignReviewers,
  type DecisionBody,
  decide,
  fetchApplication,
  fetchOrganisation,
  fetchReviewers,
  type ReviewBody,
  recuse,
  reopenReview,
  sendMessage,
  submitApplication,
  submitReview,
  updateApplication,
  uploadStaffBadgeImage,
  withdrawApplication,
} from "../../api/applications";

/** One application, a way to reload it, and its submission or withdrawal. */
export function useApplication(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: () => fetchApplication(id),
    retry: false,
  });
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: applicationKeys.detail(id) }),
    [queryClient, id],
  );
  const act = useMutation({
    mutationFn: (event: "submit" | "withdraw") =>
      event === "submit" ? submitApplication(id) : withdrawApplication(id),
    onSuccess: (data) => queryClient.setQueryData(applicationKeys.detail(id), data),
  });
  return { query, refresh, act };
}

/** The organisation's sites (UFA) the application may cover, and saving the chosen scope. */
export function useScope(applicationId: string, organisationId: string, onSaved: () => void) {
  const organisation = useQuery({
    queryKey: applicationKeys.organisation(organisationId),
    queryFn: () => fetchOrganisation(organisationId),
  });
  const save = useMutation({
    mutationFn: (scope: { ufaIds: string[]; schedule: string | null }) =>
      updateApplication(applicationId, { scope }),
    onSuccess: onSaved,
  });
  return { organisation, save };
}

/** Attaches a staff member's badge: pasted text (URL, JSON, JWT) or a baked image. */
export function useAddStaffBadge(
  applicationId: string,
  criterion: string,
  holder: string,
  onSuccess: () => void,
) {
  return useMutation({
    mutationFn: async (input: { text?: string; image?: File }) => {
      if (input.image) return uploadStaffBadgeImage(applicationId, criterion, holder, input.image);
      await addStaffBadge(applicationId, {
        criterion,
        holderName: holder,
        text: input.text ?? "",
      });
    },
    onSuccess,
  });
}

export function useSendMessage(applicationId: string, onChange: () => void) {
  return useMutation({
    mutationFn: (body: string) => sendMessage(applicationId, body),
    onSuccess: onChange,
  });
}

/** A reviewer's review, or their recusal (which takes them back to their list). */
export function useReview(applicationId: string, onChange: () => void) {
  const submit = useMutation({
    mutationFn: (body: ReviewBody) => submitReview(applicationId, body),
    onSuccess: onChange,
  });
  const recusal = useMutation({
    mutationFn: (reason: string) => recuse(applicationId, reason),
    onSuccess: () => window.location.assign("/demandes"),
  });
  return { submit, recusal };
}

export function useReopenReview(applicationId: string, reviewerId: string, onChange: () => void) {
  return useMutation({
    mutationFn: (reason: string) => reopenReview(applicationId, reviewerId, reason),
    onSuccess: onChange,
  });
}

/** The reviewers a manager may choose from, the panel's assignment and the decision. */
export function useManagerActions(applicationId: string, onChange: () => void) {
  const reviewers = useQuery({
    queryKey: applicationKeys.reviewers(applicationId),
    queryFn: () => fetchReviewers(applicationId),
  });
  const assign = useMutation({
    mutationFn: (reviewerIds: string[]) => assignReviewers(applicationId, reviewerIds),
    onSuccess: onChange,
  });
  const decision = useMutation({
    mutationFn: (body: DecisionBody) => decide(applicationId, body),
    onSuccess: onChange,
  });
  return { reviewers, assign, decision };
}
