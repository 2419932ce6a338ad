import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  answerCredential,
  type ClaimAnswer,
  credentialKeys,
  fetchCredential,
  fetchOrganisationCredentials,
  revokeCredential,
  setCredentialVisibility,
} from "../../api/credentials";

export const useCredential = (id: string) =>
  useQuery({
    queryKey: credentialKeys.detail(id),
    queryFn: () => fetchCredential(id),
    retry: false,
  });

/** What an organisation holds, and its members' answers and choices of what to show. */
export function useOrganisationCredentials(orgId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: credentialKeys.ofOrganisation(orgId) });
  const query = useQuery({
    queryKey: credentialKeys.ofOrganisation(orgId),
    queryFn: () => fetchOrganisationCredentials(orgId),
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (input: { id: string; answer: ClaimAnswer }) =>
      answerCredential(input.id, input.answer),
    onSuccess: refresh,
  });
  const visibility = useMutation({
    mutationFn: (input: { id: string; shown: boolean }) =>
      setCredentialVisibility(input.id, input.shown),
    onSuccess: refresh,
  });
  return { query, answer, visibility, refresh };
}

export function useRevokeCredential(id: string, onDone: () => void) {
  return useMutation({
    mutationFn: (reason: string) => revokeCredential(id, reason),
    onSuccess: onDone,
  });
}
