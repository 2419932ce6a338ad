import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  adminKeys,
  fetchAudit,
  fetchUsers,
  inviteStaff,
  type PlatformRole,
  type StaffUser,
  setUserRoles,
} from "../../api/admin";

/** The accounts matching `q`, and the change of their roles; each change says what it did. */
export function useStaff(q: string, enabled: boolean, onNotice: (user: StaffUser) => void) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: adminKeys.userSearch(q),
    queryFn: () => fetchUsers(q),
    enabled,
  });
  const setRoles = useMutation({
    mutationFn: (v: { user: StaffUser; roles: PlatformRole[] }) => setUserRoles(v.user.id, v.roles),
    onSuccess: (user) => {
      onNotice(user);
      return queryClient.invalidateQueries({ queryKey: adminKeys.users() });
    },
  });
  return { users, setRoles };
}

export function useInviteStaff(onInvited: (email: string) => void) {
  return useMutation({
    mutationFn: (v: { email: string; roles: PlatformRole[] }) => inviteStaff(v.email, v.roles),
    onSuccess: (_d, v) => onInvited(v.email),
  });
}

export const useAudit = (enabled: boolean) =>
  useQuery({ queryKey: adminKeys.audit(), queryFn: fetchAudit, enabled });
