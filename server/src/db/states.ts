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
