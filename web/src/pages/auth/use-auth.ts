import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import {
  type AcceptInvitationBody,
  acceptInvitation,
  authKeys,
  completePasswordReset,
  consumeMagicLink,
  fetchInvitation,
  type Me,
  requestMagicLink,
  requestPasswordReset,
  signIn,
  verifyEmail,
} from "../../api/auth";

/**
 * Where to go once signed in: `?retour=` when it is a path of this site (the
 * consent screen of an application sends people here), else home.
 */
export function returnPath(search: string): string {
  const wanted = new URLSearchParams(search).get("retour") ?? "";
  return /^\/(?![/\\])/.test(wanted) ? wanted : "/accueil";
}

/** After signing in by any way: remember who, and go back where they were asked to sign in. */
function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: Me) => {
    // Read before the cache update: the sign-in page redirects as soon as it knows who is in.
    const target = returnPath(window.location.search);
    queryClient.setQueryData(authKeys.me(), me);
    navigate(target);
  };
}

/** Signing in with a password, or asking for a link by e-mail. */
export function useSignIn() {
  const signedIn = useSignedIn();
  const password = useMutation({
    mutationFn: (v: Record<string, string>) => signIn(v.email ?? "", v.password ?? ""),
    onSuccess: signedIn,
  });
  const magic = useMutation({ mutationFn: (address: string) => requestMagicLink(address) });
  return { password, magic };
}

/** A GET never signs in (mail scanners open links before people do): the user presses a button. */
export function useConsumeMagicLink(token: string) {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: () => consumeMagicLink(token), onSuccess: signedIn });
}

export function usePasswordResetRequest() {
  return useMutation({ mutationFn: (address: string) => requestPasswordReset(address) });
}

export function usePasswordReset(token: string) {
  return useMutation({ mutationFn: (password: string) => completePasswordReset(token, password) });
}

export function useVerifyEmail(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => verifyEmail(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

/** An invitation's details, and accepting it (signed in, or creating the account). */
export function useInvitation(token: string) {
  const signedIn = useSignedIn();
  const details = useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: () => fetchInvitation(token),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationBody) => acceptInvitation(token, body),
    onSuccess: signedIn,
  });
  return { details, accept };
}
