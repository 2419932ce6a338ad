import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  cancelInvitation,
  createOrganisation,
  fetchMembers,
  fetchOrganisation,
  fetchOrganisations,
  inviteMember,
  type MemberRole,
  type NewOrganisation,
  type OrganisationKind,
  organisationKeys,
  removeMember,
  setMemberRole,
} from "../../api/organisations";

export const useOrganisationList = (
  filter: { q?: string; kind?: OrganisationKind | "" },
  enabled = true,
) =>
  useQuery({
    queryKey: organisationKeys.list(filter),
    queryFn: () => fetchOrganisations(filter),
    enabled,
  });

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganisation) => createOrganisation(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.lists() }),
  });
}

export const useOrganisation = (id: string) =>
  useQuery({
    queryKey: organisationKeys.detail(id),
    queryFn: () => fetchOrganisation(id),
    retry: false,
  });

/** The members and invitations, once the organisation is known; each change says what it did. */
export function useMembers(id: string, enabled: boolean, onNotice: (text: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: organisationKeys.members(id) });
  const query = useQuery({
    queryKey: organisationKeys.members(id),
    queryFn: () => fetchMembers(id),
    retry: false,
    enabled,
  });
  const setRole = useMutation({
    mutationFn: (v: { userId: string; role: MemberRole }) => setMemberRole(id, v.userId, v.role),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (v: { userId: string; name: string }) => removeMember(id, v.userId),
    onSuccess: (_d, v) => {
      onNotice(t("org.removed", { name: v.name }));
      return refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (invitationId: string) => cancelInvitation(id, invitationId),
    onSuccess: refresh,
  });
  const invite = useMutation({
    mutationFn: (v: { email: string; role: MemberRole }) => inviteMember(id, v.email, v.role),
    onSuccess: (inv) => {
      onNotice(t("org.invited", { email: inv.email }));
      return refresh();
    },
  });
  return { query, setRole, remove, cancel, invite };
}

export type MembersState = ReturnType<typeof useMembers>;
