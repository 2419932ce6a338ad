import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import {
  type AwardBatch,
  awardBadge,
  createOwnBadge,
  fetchAwardBatch,
  fetchAwards,
  fetchOwnBadges,
  type NewAward,
  type NewOwnBadge,
  partnerKeys,
  requestOnboardingBadge,
  revokeAward,
  startAwardBatch,
} from "../../api/partners";

export const useOwnBadges = (orgId: string) =>
  useQuery({ queryKey: partnerKeys.ownBadges(orgId), queryFn: () => fetchOwnBadges(orgId) });

export function useCreateOwnBadge(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOwnBadge) => createOwnBadge(orgId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.ownBadges(orgId) }),
  });
}

/** Opens the Participant or Ambassadeur request, then goes to it. */
export function useRequestOnboarding(orgId: string) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (badgeClassId: string) => requestOnboardingBadge(orgId, badgeClassId),
    onSuccess: (created) => navigate(`/demandes/${created.id}`),
  });
}

function useRefreshAwards(orgId: string, badgeId: string) {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: partnerKeys.ownBadges(orgId) });
    queryClient.invalidateQueries({ queryKey: partnerKeys.awards(badgeId) });
  };
}

/** One badge's awards, and what its issuer does with them: award, upload a CSV, revoke. */
export function useAwards(orgId: string, badgeId: string) {
  const refresh = useRefreshAwards(orgId, badgeId);
  const [batch, setBatch] = useState<AwardBatch | null>(null);
  const awards = useQuery({
    queryKey: partnerKeys.awards(badgeId),
    queryFn: () => fetchAwards(orgId, badgeId),
  });
  const award = useMutation({
    mutationFn: (body: NewAward) => awardBadge(orgId, badgeId, body),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: async (file: File) => startAwardBatch(orgId, badgeId, await file.text()),
    onSuccess: (started) => setBatch(started),
  });
  const revoke = useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      revokeAward(orgId, badgeId, input.id, input.reason),
    onSuccess: refresh,
  });
  return { awards, award, upload, revoke, batch };
}

/** A CSV upload's progress, read every second until it is done; then the counts are refreshed. */
export function useBatchProgress(orgId: string, badgeId: string, batch: AwardBatch) {
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: partnerKeys.batch(batch.id),
    queryFn: () => fetchAwardBatch(orgId, batch.id),
    initialData: batch,
    refetchInterval: (query) => (query.state.data?.finished ? false : 1000),
  });
  const finished = progress.data.finished;
  useEffect(() => {
    if (!finished) return;
    queryClient.invalidateQueries({ queryKey: partnerKeys.ownBadges(orgId) });
    queryClient.invalidateQueries({ queryKey: partnerKeys.awards(badgeId) });
  }, [finished, orgId, badgeId, queryClient]);
  return progress.data;
}
