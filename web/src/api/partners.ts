/**
 * A partner's space: its own badges and their awards, the registration of its
 * badges against the regional competences, and its API keys.
 */
import { type BodyOf, type ResponseOf, request } from "./http";

export type OwnBadges = ResponseOf<"/api/organisations/{id}/own-badges">;
export type OwnBadge = OwnBadges["badges"][number];
export type Onboarding = OwnBadges["onboarding"][number];
export type NewOwnBadge = BodyOf<"/api/organisations/{id}/own-badges", "post">;
export type Award =
  ResponseOf<"/api/organisations/{id}/own-badges/{badgeId}/awards">["awards"][number];
export type NewAward = BodyOf<"/api/organisations/{id}/own-badges/{badgeId}/awards", "post">;
export type AwardBatch = ResponseOf<"/api/organisations/{id}/award-batches/{batchId}">;
export type Registration = ResponseOf<"/api/partner-registrations">["registrations"][number];
export type NewRegistration = BodyOf<"/api/partner-registrations", "post">;
export type RegistrationDecision = BodyOf<"/api/partner-registrations/{id}/decision", "post">;
export type ProposalAnswer = BodyOf<"/api/partner-registrations/{id}/proposal", "post">["answer"];
export type Equivalence = Registration["target"]["equivalence"];
export type ApiClient = ResponseOf<"/api/organisations/{id}/api-clients">["clients"][number];
export type IssuerProof = ResponseOf<"/api/organisations/{id}/issuer-proof">;

export const equivalences = [
  "one_for_one",
  "three_for_one",
] as const satisfies readonly Equivalence[];

/** Query keys: `registrations()` covers every list of registrations. */
export const partnerKeys = {
  ownBadges: (orgId: string) => ["own-badges", orgId] as const,
  awards: (badgeId: string) => ["awards", badgeId] as const,
  batch: (batchId: string) => ["award-batch", batchId] as const,
  registrations: () => ["registrations"] as const,
  registrationsOf: (orgId: string) => ["registrations", orgId] as const,
  allRegistrations: () => ["registrations", "all"] as const,
  apiClients: (orgId: string) => ["api-clients", orgId] as const,
  issuerProof: (orgId: string) => ["issuer-proof", orgId] as const,
};

export const fetchOwnBadges = (orgId: string) =>
  request("get", "/api/organisations/{id}/own-badges", { path: { id: orgId } });

export const createOwnBadge = (orgId: string, body: NewOwnBadge) =>
  request("post", "/api/organisations/{id}/own-badges", { path: { id: orgId }, body });

export const fetchAwards = (orgId: string, badgeId: string) =>
  request("get", "/api/organisations/{id}/own-badges/{badgeId}/awards", {
    path: { id: orgId, badgeId },
  });

export const awardBadge = (orgId: string, badgeId: string, body: NewAward) =>
  request("post", "/api/organisations/{id}/own-badges/{badgeId}/awards", {
    path: { id: orgId, badgeId },
    body,
  });

export const revokeAward = (orgId: string, badgeId: string, credentialId: string, reason: string) =>
  request("post", "/api/organisations/{id}/own-badges/{badgeId}/awards/{credentialId}/revoke", {
    path: { id: orgId, badgeId, credentialId },
    body: { reason },
  });

export const startAwardBatch = (orgId: string, badgeId: string, csv: string) =>
  request("post", "/api/organisations/{id}/own-badges/{badgeId}/award-batches", {
    path: { id: orgId, badgeId },
    body: { csv },
  });

export const fetchAwardBatch = (orgId: string, batchId: string) =>
  request("get", "/api/organisations/{id}/award-batches/{batchId}", {
    path: { id: orgId, batchId },
  });

/** Opens the organisation's request for its Participant or Ambassadeur badge. */
export const requestOnboardingBadge = (orgId: string, badgeClassId: string) =>
  request("post", "/api/applications", { body: { organisationId: orgId, badgeClassId } });

export const fetchRegistrations = (orgId?: string) =>
  request("get", "/api/partner-registrations", orgId ? { query: { organisationId: orgId } } : {});

export const registerBadge = (body: NewRegistration) =>
  request("post", "/api/partner-registrations", { body });

export const decideRegistration = (id: string, body: RegistrationDecision) =>
  request("post", "/api/partner-registrations/{id}/decision", { path: { id }, body });

export const answerProposal = (id: string, answer: ProposalAnswer) =>
  request("post", "/api/partner-registrations/{id}/proposal", { path: { id }, body: { answer } });

export const fetchIssuerProof = (orgId: string) =>
  request("get", "/api/organisations/{id}/issuer-proof", { path: { id: orgId } });

export const fetchApiClients = (orgId: string) =>
  request("get", "/api/organisations/{id}/api-clients", { path: { id: orgId } });

export const createApiClient = (orgId: string, name: string) =>
  request("post", "/api/organisations/{id}/api-clients", { path: { id: orgId }, body: { name } });

export const revokeApiClient = (orgId: string, clientId: string) =>
  request("post", "/api/organisations/{id}/api-clients/{clientId}/revoke", {
    path: { id: orgId, clientId },
    body: {},
  });
