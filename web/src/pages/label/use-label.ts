import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  decideLabelRequest,
  fetchLabelProgress,
  fetchLabelRequests,
  type LabelDecisionBody,
  labelKeys,
  requestLabel,
  withdrawLabelRequest,
} from "../../api/label";
import { hasRole, useMe } from "../../components/hooks";

export function useLabelProgress(organisationId: string) {
  return useQuery({
    queryKey: labelKeys.progress(organisationId),
    queryFn: () => fetchLabelProgress(organisationId),
    retry: false,
  });
}

/** Requesting the label, or withdrawing a pending request; either reloads the progress. */
export function useLabelRequest(organisationId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: labelKeys.progress(organisationId) });
  const request = useMutation({
    mutationFn: () => requestLabel(organisationId),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => withdrawLabelRequest(id),
    onSuccess: refresh,
  });
  return { request, withdraw };
}

/** The label requests a programme manager decides. */
export function useLabelRequests() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: labelKeys.requests(),
    queryFn: fetchLabelRequests,
    enabled: hasRole(me, "programme_manager"),
    retry: false,
  });
}

export function useLabelDecision(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LabelDecisionBody) => decideLabelRequest(requestId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelKeys.requests() }),
  });
}
