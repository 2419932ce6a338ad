import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  answerProposal,
  decideRegistration,
  fetchIssuerProof,
  fetchRegistrations,
  type NewRegistration,
  type ProposalAnswer,
  partnerKeys,
  type RegistrationDecision,
  registerBadge,
} from "../../api/partners";
import { dataUrl } from "./data-url";

/** One partner's registrations, or every partner's for a manager when `orgId` is not given. */
export const useRegistrations = (orgId?: string) =>
  useQuery({
    queryKey: orgId ? partnerKeys.registrationsOf(orgId) : partnerKeys.allRegistrations(),
    queryFn: () => fetchRegistrations(orgId),
    ...(orgId ? {} : { retry: false }),
  });

function useInvalidateRegistrations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: partnerKeys.registrations() });
}

/** Registers a badge; a baked image given as proof travels as a data URL. */
export function useRegisterBadge() {
  const onSuccess = useInvalidateRegistrations();
  return useMutation({
    mutationFn: async (input: { body: NewRegistration; proofFile: File | null }) =>
      registerBadge({
        ...input.body,
        ...(input.proofFile ? { proof: await dataUrl(input.proofFile) } : {}),
      }),
    onSuccess,
  });
}

export function useAnswerProposal(id: string) {
  const onSuccess = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (answer: ProposalAnswer) => answerProposal(id, answer),
    onSuccess,
  });
}

export function useDecideRegistration(id: string) {
  const onSuccess = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: RegistrationDecision) => decideRegistration(id, body),
    onSuccess,
  });
}

export const useIssuerProof = (orgId: string) =>
  useQuery({ queryKey: partnerKeys.issuerProof(orgId), queryFn: () => fetchIssuerProof(orgId) });
