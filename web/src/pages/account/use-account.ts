import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { accountKeys, changePassword, fetchSessions, updateMe } from "../../api/account";
import { authKeys, type Locale, signOutEverywhere } from "../../api/auth";
import { useMe } from "../../components/hooks";
import { changeLanguage } from "../../i18n";

/** The account page's data: the user, their sessions, and the three things they may change. */
export function useAccount() {
  const { data: me, isPending } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: fetchSessions,
    enabled: !!me,
  });
  const profile = useMutation({
    mutationFn: (body: { name: string; locale: Locale }) => updateMe(body),
    onSuccess: (updated) => {
      queryClient.setQueryData(authKeys.me(), updated);
      changeLanguage(updated.user.locale);
    },
  });
  const password = useMutation({
    mutationFn: (v: { current: string; next: string }) => changePassword(v.current, v.next),
  });
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      queryClient.clear();
      navigate("/connexion");
    },
  });
  return { me, isPending, sessions, profile, password, everywhere };
}
