import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acceptMeeting,
  askForSupport,
  closeSupportRequest,
  fetchSupportRequests,
  type MeetingProposal,
  type NewSupportRequest,
  proposeMeeting,
  supportKeys,
} from "../../api/support";
import { useMe } from "../../components/hooks";

export function useSupport() {
  const me = useMe();
  const requests = useQuery({
    queryKey: supportKeys.requests(),
    queryFn: fetchSupportRequests,
    enabled: !!me.data,
  });
  return { me, requests };
}

function useSupportMutation<V>(run: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.requests() }),
  });
}

export const useAsk = () =>
  useSupportMutation(
    ({ organisationId, ...body }: NewSupportRequest & { organisationId: string }) =>
      askForSupport(organisationId, body),
  );
export const useProposeMeeting = (id: string) =>
  useSupportMutation((body: MeetingProposal) => proposeMeeting(id, body));
export const useAcceptMeeting = (id: string) => useSupportMutation(() => acceptMeeting(id));
export const useCloseRequest = (id: string) =>
  useSupportMutation((feedback: string) => closeSupportRequest(id, feedback));
