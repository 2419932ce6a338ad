/**
 * The states and statuses the database stores, one list each. The schema
 * types its columns and writes its check constraints from these lists, and
 * the rules of each module take their types from them, so a state cannot be
 * added in one place and forgotten in the other. Nothing here imports
 * anything: the schema and the modules both sit above this file.
 *
 * The order of each list is the order of its check constraint in the
 * migrations: keep it, or the next `drizzle-kit generate` rewrites the
 * constraint for nothing.
 */

/** A badge application (demande de badge); its transitions are in applications.rules.ts. */
export const applicationStates = [
  "draft",
  "submitted",
  "under_review",
  "revision_requested",
  "granted",
  "refused",
  "withdrawn",
] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** A reviewer's assignment on one application; its transitions are in review.rules.ts. */
export const reviewStates = ["assigned", "recused", "submitted"] as const;
export type ReviewState = (typeof reviewStates)[number];

/** A CFA's request for the label. */
export const labelRequestStates = ["pending", "confirmed", "refused", "withdrawn"] as const;
export type LabelRequestState = (typeof labelRequestStates)[number];

/** A CFA's idea for a new badge. */
export const ideaStates = ["new", "answered", "adopted", "declined"] as const;
export type IdeaState = (typeof ideaStates)[number];

/** A partner's badge submitted for a regional competence. */
export const registrationStates = [
  "submitted",
  "requalification_proposed",
  "approved",
  "refused",
  "withdrawn",
] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** Whether the holder of a credential accepted it. */
export const claimStates = ["pending", "accepted", "declined"] as const;
export type ClaimState = (typeof claimStates)[number];

/** A background job. */
export const jobStatuses = ["pending", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** A badge collection: a draft is seen by managers only. */
export const collectionStatuses = ["draft", "published"] as const;
export type CollectionStatus = (typeof collectionStatuses)[number];

/** Who holds a credential (credentials.subject_kind, derived from its subject columns). */
export const subjectKinds = ["organisation", "person"] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** A CFA's request for a mentor (parrainage): a manager pairs it, or it is withdrawn. */
export const mentoringRequestStates = ["open", "paired", "withdrawn"] as const;
export type MentoringRequestState = (typeof mentoringRequestStates)[number];
/**
 * A badge offered to its holder's wallet: made, its token taken (OpenID4VCI,
 * after the transaction code), delivered once, or burnt by wrong codes.
 */
export const walletOfferStates = ["offered", "token_issued", "delivered", "burnt"] as const;
export type WalletOfferState = (typeof walletOfferStates)[number];
/** How the wallet collects it: OpenID4VCI (pre-authorized code) or a VC-API exchange (LCW). */
export const walletProtocols = ["oid4vci", "vc-api"] as const;
export type WalletProtocol = (typeof walletProtocols)[number];
/** An endorsement: invited, published (signed), or withdrawn by its endorser or a manager. */
export const endorsementStates = ["invited", "published", "withdrawn"] as const;
export type EndorsementState = (typeof endorsementStates)[number];
/** What an endorsement endorses: a badge class (regional or of the label), or the Region as issuer. */
export const endorsementTargets = ["badge_class", "issuer"] as const;
export type EndorsementTarget = (typeof endorsementTargets)[number];
// Support requests (issue 15): a CFA asks a peer adviser CFA for help.
export const supportStates = [
  "waiting",
  "open",
  "meeting_proposed",
  "meeting_countered",
  "meeting_agreed",
  "closed",
] as const;
export type SupportState = (typeof supportStates)[number];
