import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { catalogueKeys, fetchProgrammeBadges } from "../../api/catalogue";
import {
  endorsementKeys,
  fetchEndorsements,
  fetchInvitation,
  inviteEndorser,
  type NewEndorsement,
  signEndorsement,
  uploadEndorsement,
  withdrawEndorsement,
} from "../../api/endorsements";
import { fetchOrganisations, organisationKeys } from "../../api/organisations";
import { useMe } from "../../components/hooks";

export function useEndorsements() {
  const me = useMe();
  const endorsements = useQuery({
    queryKey: endorsementKeys.all(),
    queryFn: fetchEndorsements,
    enabled: !!me.data,
  });
  return { me, endorsements };
}

export function useSignEndorsement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (statement: string) => signEndorsement(id, statement),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endorsementKeys.all() }),
  });
}

export function useWithdrawEndorsement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawEndorsement(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endorsementKeys.all() }),
  });
}

export function useInvitation(token: string) {
  const queryClient = useQueryClient();
  const invitation = useQuery({
    queryKey: endorsementKeys.invitation(token),
    queryFn: () => fetchInvitation(token),
  });
  const upload = useMutation({
    mutationFn: (document: Record<string, unknown>) => uploadEndorsement(token, document),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endorsementKeys.invitation(token) }),
  });
  return { invitation, upload };
}

/** What a manager may have endorsed: the label's and the regional badges, and organisations on Blason. */
export function useInviteChoices() {
  const label = useQuery({
    queryKey: catalogueKeys.programme("label-cfa"),
    queryFn: () => fetchProgrammeBadges("label-cfa"),
  });
  const regional = useQuery({
    queryKey: catalogueKeys.programme("competences"),
    queryFn: () => fetchProgrammeBadges("competences"),
  });
  const organisations = useQuery({
    queryKey: organisationKeys.list({}),
    queryFn: () => fetchOrganisations({}),
  });
  return { label, regional, organisations };
}

export function useInviteEndorser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEndorsement) => inviteEndorser(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endorsementKeys.all() }),
  });
}
