import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  endPairing,
  fetchMentoring,
  fetchPairing,
  fetchSharedDrafts,
  fetchSharedProgress,
  mentoringKeys,
  type NewMentoringRequest,
  type NewPairing,
  type Pairing,
  pairMentor,
  postMentoringMessage,
  requestMentor,
  type SharingChoice,
  setSharing,
} from "../../api/mentoring";
import { fetchOrganisations, organisationKeys } from "../../api/organisations";
import { useMe } from "../../components/hooks";

export function useMentoring() {
  const me = useMe();
  const list = useQuery({
    queryKey: mentoringKeys.all(),
    queryFn: fetchMentoring,
    enabled: !!me.data,
  });
  return { me, list };
}

/** The CFAs a manager pairs, mentee and mentor alike. */
export function useCfas(enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.list({ kind: "cfa" }),
    queryFn: () => fetchOrganisations({ kind: "cfa" }),
    enabled,
  });
}

export function usePairMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPairing) => pairMentor(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.all() }),
  });
}

export function useRequestMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMentoringRequest) => requestMentor(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.all() }),
  });
}

export function usePairing(id: string) {
  return useQuery({ queryKey: mentoringKeys.pairing(id), queryFn: () => fetchPairing(id) });
}

/** A change that answers the pairing as it now is: the cache takes it, the shared parts reload. */
function usePairingChange<T>(id: string, change: (value: T) => Promise<Pairing | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (pairing) => {
      if (pairing) queryClient.setQueryData(mentoringKeys.pairing(id), pairing);
      void queryClient.invalidateQueries({ queryKey: mentoringKeys.all() });
    },
  });
}

export const useSetSharing = (id: string) =>
  usePairingChange(id, (choice: SharingChoice) => setSharing(id, choice));
export const useSendMentoringMessage = (id: string) =>
  usePairingChange(id, (body: string) => postMentoringMessage(id, body));
export const useEndPairing = (id: string) =>
  usePairingChange(id, async () => {
    await endPairing(id);
    return fetchPairing(id);
  });

/** Only asked for when the pairing says the reader may see it. */
export function useSharedProgress(id: string, enabled: boolean) {
  return useQuery({
    queryKey: mentoringKeys.progress(id),
    queryFn: () => fetchSharedProgress(id),
    enabled,
  });
}

export function useSharedDrafts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: mentoringKeys.drafts(id),
    queryFn: () => fetchSharedDrafts(id),
    enabled,
  });
}
