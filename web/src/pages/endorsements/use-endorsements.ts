import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  endorsementKeys,
  fetchEndorsements,
  fetchInvitation,
  signEndorsement,
  uploadEndorsement,
  withdrawEndorsement,
} from "../../api/endorsements";
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
