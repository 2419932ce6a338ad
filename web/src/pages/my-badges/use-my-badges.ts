import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  deleteMyAccount,
  fetchMyBadges,
  handInBadgeImage,
  handInBadgeText,
  myBadgeKeys,
  setPassportPublic,
} from "../../api/competences";
import { answerCredential, setCredentialVisibility } from "../../api/credentials";
import { fetchPersonPassport, publicKeys } from "../../api/public";

export type HeldBadgeAction = "accept" | "decline" | "show" | "hide";

export const useMyBadges = (enabled: boolean) =>
  useQuery({ queryKey: myBadgeKeys.all(), queryFn: fetchMyBadges, enabled });

function useRefreshMyBadges() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: myBadgeKeys.all() });
}

/** Accept or decline a badge, show it on the passport or not. */
export function useHeldBadgeAction(credentialId: string) {
  const onSuccess = useRefreshMyBadges();
  return useMutation({
    mutationFn: (action: HeldBadgeAction) =>
      action === "show" || action === "hide"
        ? setCredentialVisibility(credentialId, action === "show")
        : answerCredential(credentialId, action),
    onSuccess,
  });
}

/** A partner badge handed in as text or as its image; the regional badges follow in the background. */
export function useHandIn(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text?: string; file?: File }) =>
      input.file ? handInBadgeImage(input.file) : handInBadgeText(input.text ?? ""),
    onSuccess: () => {
      onDone();
      // The regional badges follow in the background: look again in a moment.
      queryClient.invalidateQueries({ queryKey: myBadgeKeys.all() });
      setTimeout(() => queryClient.invalidateQueries({ queryKey: myBadgeKeys.all() }), 1500);
    },
  });
}

export function usePassportToggle() {
  const onSuccess = useRefreshMyBadges();
  return useMutation({ mutationFn: (open: boolean) => setPassportPublic(open), onSuccess });
}

/** Deletes the account, then leaves for the home page with nothing cached. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => deleteMyAccount(confirm),
    onSuccess: () => {
      queryClient.clear();
      window.location.assign("/");
    },
  });
}

export const usePersonPassport = (slug: string) =>
  useQuery({
    queryKey: publicKeys.person(slug),
    queryFn: () => fetchPersonPassport(slug),
    retry: false,
  });
