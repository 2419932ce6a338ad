import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createApiClient, fetchApiClients, partnerKeys, revokeApiClient } from "../../api/partners";

/** The partner's API keys; the list fails for whoever may not manage them. */
export function useApiKeys(orgId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    queryClient.invalidateQueries({ queryKey: partnerKeys.apiClients(orgId) });
  const list = useQuery({
    queryKey: partnerKeys.apiClients(orgId),
    queryFn: () => fetchApiClients(orgId),
    retry: false,
  });
  const create = useMutation({
    mutationFn: (name: string) => createApiClient(orgId, name),
    onSuccess,
  });
  const revoke = useMutation({ mutationFn: (id: string) => revokeApiClient(orgId, id), onSuccess });
  return { list, create, revoke };
}
