import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  answerConsent,
  fetchAllowedClients,
  fetchConsentRequest,
  oauthKeys,
  revokeAllowedClient,
} from "../../api/oauth";

export const useConsentRequest = (uid: string, enabled: boolean) =>
  useQuery({ queryKey: oauthKeys.consent(uid), queryFn: () => fetchConsentRequest(uid), enabled });

/** Allow or refuse; the browser then goes back to the authorization server, which answers the application. */
export const useAnswerConsent = (uid: string) =>
  useMutation({
    mutationFn: (allow: boolean) => answerConsent(uid, allow),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });

export const useAllowedClients = (enabled: boolean) =>
  useQuery({ queryKey: oauthKeys.grants(), queryFn: fetchAllowedClients, enabled });

export function useRevokeClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeAllowedClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oauthKeys.grants() }),
  });
}
