import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acceptMeeting,
  askForSupport,
  closeSupportRequest,
  counterMeeting,
  editProgrammeText,
  fetchSupportAdvisers,
  fetchSupportFigures,
  fetchSupportRequest,
  fetchSupportRequests,
  type MeetingProposal,
  type NewSupportRequest,
  postSupportMessage,
  proposeMeeting,
  reassignSupportRequest,
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["support"] }),
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
export const useCounterMeeting = (id: string) =>
  useSupportMutation((body: MeetingProposal) => counterMeeting(id, body));
export const usePostMessage = (id: string) =>
  useSupportMutation((body: string) => postSupportMessage(id, body));
export const useReassign = (id: string) =>
  useSupportMutation((adviserId: string) => reassignSupportRequest(id, adviserId));

export const useThread = (id: string) =>
  useQuery({ queryKey: supportKeys.request(id), queryFn: () => fetchSupportRequest(id) });

/** What a manager oversees: the advisers with their load, and the monthly figures. */
export function useOversight() {
  const advisers = useQuery({ queryKey: supportKeys.advisers(), queryFn: fetchSupportAdvisers });
  const figures = useQuery({ queryKey: supportKeys.figures(), queryFn: fetchSupportFigures });
  return { advisers, figures };
}

export function useEditText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, fr, en }: { key: string; fr: string; en: string }) =>
      editProgrammeText(key, { fr, en }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.programmeTexts() }),
  });
}
