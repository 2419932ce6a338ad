import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createPartnerOauthClient,
  fetchPartnerOauthClients,
  partnerOauthKeys,
  revokePartnerOauthClient,
} from "../../api/oauth";

/** The partner's OAuth 2.0 clients; the list fails for whoever may not manage them. */
export function useOauthClients(orgId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    queryClient.invalidateQueries({ queryKey: partnerOauthKeys.clients(orgId) });
  const list = useQuery({
    queryKey: partnerOauthKeys.clients(orgId),
    queryFn: () => fetchPartnerOauthClients(orgId),
    retry: false,
  });
  const create = useMutation({
    mutationFn: (name: string) => createPartnerOauthClient(orgId, name),
    onSuccess,
  });
  const revoke = useMutation({
    mutationFn: (clientId: string) => revokePartnerOauthClient(orgId, clientId),
    onSuccess,
  });
  return { list, create, revoke };
}
