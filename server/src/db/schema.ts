import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type ApplicationState,
  applicationStates,
  type ClaimState,
  type CollectionStatus,
  claimStates,
  collectionStatuses,
  type EndorsementState,
  type EndorsementTarget,
  endorsementStates,
  endorsementTargets,
  type IdeaState,
  ideaStates,
  type JobStatus,
  jobStatuses,
  type LabelRequestState,
  labelRequestStates,
  type MentoringRequestState,
  mentoringRequestStates,
  type RegistrationState,
  type ReviewState,
  registrationStates,
  reviewStates,
  type SubjectKind,
  type SupportState,
  supportStates,
  type WalletOfferState,
  type WalletProtocol,
  walletOfferStates,
  walletProtocols,
} from "./states";

export * from "./states";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

/** `column in ('a', 'b')`: a check constraint written from the list its column's type comes from. */
const isOneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

export const platformRoles = ["programme_manager", "reviewer", "platform_admin"] as const;
export type PlatformRole = (typeof platformRoles)[number];
export const orgKinds = ["region", "cfa", "ufa", "partner"] as const;
export type OrgKind = (typeof orgKinds)[number];
export const memberRoles = ["member", "admin"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const tokenPurposes = ["magic_link", "password_reset", "email_verification"] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale").notNull().default("fr"),
    emailVerifiedAt: ts("email_verified_at"),
    platformRoles: text("platform_roles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_locale_check", sql`${t.locale} in ('fr', 'en')`),
    check(
      "users_platform_roles_check",
      sql`${t.platformRoles} <@ array['programme_manager','reviewer','platform_admin']::text[]`,
    ),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie value: a stolen database does not yield live sessions. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    purpose: text("purpose").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("auth_tokens_hash_key").on(t.tokenHash),
    check(
      "auth_tokens_purpose_check",
      sql`${t.purpose} in ('magic_link', 'password_reset', 'email_verification')`,
    ),
  ],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id, {
      onDelete: "restrict",
    }),
    siret: text("siret"),
    uai: text("uai"),
    contactEmail: text("contact_email").notNull(),
    city: text("city"),
    website: text("website"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    uniqueIndex("organisations_siret_key").on(t.siret),
    uniqueIndex("organisations_uai_key").on(t.uai),
    index("organisations_parent_idx").on(t.parentId),
    check("organisations_kind_check", sql`${t.kind} in ('region', 'cfa', 'ufa', 'partner')`),
    check("organisations_ufa_parent_check", sql`(${t.kind} = 'ufa') = (${t.parentId} is not null)`),
    check("organisations_siret_format", sql`${t.siret} ~ '^[0-9]{14}$'`),
    check("organisations_uai_format", sql`${t.uai} ~ '^[0-9]{7}[A-Z]$'`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
    check("memberships_role_check", sql`${t.role} in ('member', 'admin')`),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    /** Null for a staff invitation (platform roles only). */
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    role: text("role"),
    platformRoles: text("platform_roles").array().notNull().default(sql`'{}'::text[]`),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_org_idx").on(t.organisationId),
    check("invitations_role_check", sql`${t.role} is null or ${t.role} in ('member', 'admin')`),
    check(
      "invitations_target_check",
      sql`(${t.organisationId} is not null and ${t.role} is not null) or (${t.organisationId} is null and cardinality(${t.platformRoles}) > 0)`,
    ),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: ts("at").notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

/**
 * The signed head of the audit chain, outside the audit table, written in the
 * same transaction as every row: its count and hash, and the first row keyed
 * with the HMAC (rows before it were chained with plain SHA-256). One row.
 */
export const auditCheckpoint = pgTable(
  "audit_checkpoint",
  {
    id: integer("id").primaryKey().default(1),
    count: bigint("count", { mode: "number" }).notNull(),
    head: text("head").notNull(),
    keyedFrom: bigint("keyed_from", { mode: "number" }).notNull(),
    signature: text("signature").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [check("audit_checkpoint_single_row", sql`${t.id} = 1`)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<JobStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAt: ts("run_at").notNull().defaultNow(),
    lockedAt: ts("locked_at"),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    /** Enqueueing twice with the same key is a no-op: exactly-once side effects. */
    uniqueKey: text("unique_key"),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    uniqueIndex("jobs_unique_key").on(t.uniqueKey),
    index("jobs_pending_idx").on(t.status, t.runAt),
    check("jobs_status_check", isOneOf(t.status, jobStatuses)),
  ],
);

export const devMail = pgTable("dev_mail", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: createdAt(),
});

export const rateBuckets = pgTable(
  "rate_buckets",
  {
    key: text("key").notNull(),
    windowStart: ts("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** A partner's own badges (programme 2) live in a programme it owns; the Region's have none. */
    ownerOrgId: uuid("owner_org_id").references((): AnyPgColumn => organisations.id, {
      onDelete: "restrict",
    }),
    /** Applicants read "Relecteur 1", "Région" rather than names, unless the programme says otherwise. */
    reviewersAnonymous: boolean("reviewers_anonymous").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("programmes_slug_key").on(t.slug)],
);

export const collections = pgTable(
  "collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "restrict" }),
    version: text("version").notNull(),
    name: text("name").notNull(),
    labelTotal: integer("label_total").notNull(),
    /** How long the label itself is valid once confirmed. */
    labelValidityMonths: integer("label_validity_months").notNull().default(48),
    /** A draft is edited by managers and seen by no one else; publishing puts it in force. */
    status: text("status").$type<CollectionStatus>().notNull().default("published"),
    inForce: boolean("in_force").notNull().default(false),
    publishedAt: ts("published_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("collections_programme_version_key").on(t.programmeId, t.version),
    uniqueIndex("collections_one_in_force_key").on(t.programmeId).where(sql`${t.inForce}`),
    uniqueIndex("collections_one_draft_key").on(t.programmeId).where(sql`${t.status} = 'draft'`),
    check("collections_label_total_check", sql`${t.labelTotal} > 0`),
    check("collections_label_validity_check", sql`${t.labelValidityMonths} between 1 and 120`),
    check("collections_status_check", isOneOf(t.status, collectionStatuses)),
    check("collections_draft_not_in_force", sql`not (${t.inForce} and ${t.status} = 'draft')`),
  ],
);

export const badgeClasses = pgTable(
  "badge_classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    recognises: text("recognises").notNull(),
    criteria: jsonb("criteria").$type<{ statement: string; evidence: string[] }[]>().notNull(),
    required: boolean("required").notNull(),
    validityMonths: integer("validity_months").notNull(),
    renewalExtra: text("renewal_extra"),
    alignments: jsonb("alignments")
      .$type<{ framework: string; code: string; name: string }[]>()
      .notNull(),
    color: text("color").notNull(),
    position: integer("position").notNull(),
    /** "badge": counted by the label rule; "label": the label itself, awarded on request. */
    kind: text("kind").notNull().default("badge"),
    /**
     * Programme 2: how a regional badge is earned, as data. A level badge:
     * { kind: "level", family, level }; an aggregate: { kind: "aggregate",
     * level, distinctFamilies }.
     */
    rule: jsonb("rule").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("badge_classes_collection_slug_key").on(t.collectionId, t.slug),
    uniqueIndex("badge_classes_one_label_key").on(t.collectionId).where(sql`${t.kind} = 'label'`),
    check("badge_classes_kind_check", sql`${t.kind} in ('badge', 'label')`),
    check("badge_classes_validity_check", sql`${t.validityMonths} between 1 and 120`),
    check("badge_classes_color_check", sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

/**
 * A manager's statement that a still-valid award of an older badge counts as
 * its successor in a newer collection (chains follow across versions).
 */
export const badgeEquivalences = pgTable(
  "badge_equivalences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromBadgeId: uuid("from_badge_id")
      .notNull()
      .references(() => badgeClasses.id, { onDelete: "cascade" }),
    toBadgeId: uuid("to_badge_id")
      .notNull()
      .references(() => badgeClasses.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("badge_equivalences_from_key").on(t.fromBadgeId),
    index("badge_equivalences_to_idx").on(t.toBadgeId),
    check("badge_equivalences_distinct", sql`${t.fromBadgeId} <> ${t.toBadgeId}`),
  ],
);

/** Signing keys of an issuing organisation; every key ever used stays published. */
export const issuerKeys = pgTable(
  "issuer_keys",
  {
    /** The verification method id: did:web:...#key. */
    id: text("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    publicKeyMultibase: text("public_key_multibase").notNull(),
    /** AES-256-GCM under the master key, bound to the key id. */
    sealedSecret: text("sealed_secret").notNull(),
    createdAt: createdAt(),
    /** Retired keys sign nothing new but still verify what they signed. */
    retiredAt: ts("retired_at"),
  },
  (t) => [index("issuer_keys_org_idx").on(t.organisationId)],
);

export const statusListPurposes = ["revocation", "suspension", "message"] as const;
export type StatusListPurpose = (typeof statusListPurposes)[number];

/**
 * An issuer's status lists, by purpose: "<slug>-<n>" (revocation, one bit),
 * "<slug>-<n>-message" (valid, suspended or revoked, two bits) and the older
 * "<slug>-<n>-suspension" lists, which give out nothing new. Positions are
 * drawn at random within the open list and never given twice; `used` counts
 * them, and a full list opens the next.
 */
export const statusLists = pgTable(
  "status_lists",
  {
    /** As in its URL, /status/<id>. */
    id: text("id").primaryKey(),
    issuerId: uuid("issuer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    purpose: text("purpose").$type<StatusListPurpose>().notNull(),
    number: integer("number").notNull(),
    used: integer("used").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("status_lists_issuer_purpose_number").on(t.issuerId, t.purpose, t.number),
    check(
      "status_lists_purpose_check",
      sql`${t.purpose} in ('revocation', 'suspension', 'message')`,
    ),
  ],
);

/** An awarded badge: the signed OB 3.0 credential and what the platform knows of it. */
export const credentials = pgTable(
  "credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * What the credential was issued for (e.g. "application:<id>"): unique,
     * so that an issuance job that runs twice issues once.
     */
    grantKey: text("grant_key").notNull(),
    badgeClassId: uuid("badge_class_id")
      .notNull()
      .references(() => badgeClasses.id, { onDelete: "restrict" }),
    issuerId: uuid("issuer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    subjectOrgId: uuid("subject_org_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    /** A person's badge (programme 2): kept, unlinked and scrubbed, if the person leaves. */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * Who holds it, derived from the two columns above so that every row, old
     * or new, says it: an organisation, or a person (one who left keeps "person").
     */
    subjectKind: text("subject_kind")
      .$type<SubjectKind>()
      .notNull()
      .generatedAlwaysAs(
        sql`case when subject_org_id is not null then 'organisation' else 'person' end`,
      ),
    /** The status list its credentialStatus entry points to, and its position there. */
    statusList: text("status_list")
      .notNull()
      .references(() => statusLists.id, { onDelete: "restrict" }),
    statusIndex: integer("status_index").notNull(),
    validFrom: ts("valid_from").notNull(),
    validUntil: ts("valid_until"),
    document: jsonb("document").$type<Record<string, unknown>>().notNull(),
    /** The salt of the OB 2.0 recipient hash. */
    ob2Salt: text("ob2_salt").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    revokedAt: ts("revoked_at"),
    revocationReason: text("revocation_reason"),
    /**
     * Set while the credential is suspended (the label when its parts no longer
     * hold); cleared on restoration. Only credentials whose document carries a
     * "message" (or an older "suspension") status entry can be suspended.
     */
    suspendedAt: ts("suspended_at"),
    suspensionReason: text("suspension_reason"),
    claimState: text("claim_state").$type<ClaimState>().notNull().default("pending"),
    /** The holder's choice: shown on its public passport or not (the badge stays verifiable). */
    shownPublicly: boolean("shown_publicly").notNull().default(true),
    claimedAt: ts("claimed_at"),
    claimedBy: uuid("claimed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("credentials_grant_key").on(t.grantKey),
    uniqueIndex("credentials_status_list_index").on(t.statusList, t.statusIndex),
    index("credentials_subject_idx").on(t.subjectOrgId),
    index("credentials_subject_user_idx").on(t.subjectUserId),
    check("credentials_claim_state_check", isOneOf(t.claimState, claimStates)),
    check(
      "credentials_one_subject_check",
      sql`${t.subjectOrgId} is null or ${t.subjectUserId} is null`,
    ),
    check(
      "credentials_revocation_check",
      sql`(${t.revokedAt} is null) = (${t.revocationReason} is null)`,
    ),
    check(
      "credentials_suspension_check",
      sql`(${t.suspendedAt} is null) = (${t.suspensionReason} is null)`,
    ),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** A programme's calendar: where submissions land and when the commission meets. */
export const calendarSessions = pgTable(
  "calendar_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** Last day to submit (YYYY-MM-DD, Europe/Paris), inclusive. */
    deadline: text("deadline").notNull(),
    commissionDate: text("commission_date").notNull(),
    revisionsOnly: boolean("revisions_only").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("calendar_sessions_programme_name_key").on(t.programmeId, t.name),
    check("calendar_sessions_deadline_format", sql`${t.deadline} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    check("calendar_sessions_order", sql`${t.commissionDate} > ${t.deadline}`),
  ],
);

export type CriterionAnswer = { answer: string; links: string[] };
export type ApplicationScope = { ufaIds: string[]; schedule: string | null };

/** A CFA's application for one badge: its file, its path through review, its decision. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    badgeClassId: uuid("badge_class_id")
      .notNull()
      .references(() => badgeClasses.id, { onDelete: "restrict" }),
    kind: text("kind").notNull().default("first"),
    scope: jsonb("scope")
      .$type<ApplicationScope>()
      .notNull()
      .default(sql`'{"ufaIds":[],"schedule":null}'::jsonb`),
    state: text("state").$type<ApplicationState>().notNull().default("draft"),
    /** Keyed by criterion position ("0", "1"...) and "renewal" for the renewal extra. */
    answers: jsonb("answers")
      .$type<Record<string, CriterionAnswer>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    sessionId: uuid("session_id").references(() => calendarSessions.id, { onDelete: "restrict" }),
    submittedAt: ts("submitted_at"),
    decidedAt: ts("decided_at"),
    /** The commission's motivation, or what to change for a revision. */
    motivation: text("motivation"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("applications_org_idx").on(t.organisationId),
    index("applications_session_idx").on(t.sessionId),
    index("applications_updated_idx").on(t.updatedAt),
    check("applications_kind_check", sql`${t.kind} in ('first', 'renewal')`),
    check("applications_state_check", isOneOf(t.state, applicationStates)),
  ],
);

/** Evidence files, kept in the database: a crash or a restore never separates a file from its application. */
export const applicationFiles = pgTable(
  "application_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    criterion: text("criterion").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("application_files_app_idx").on(t.applicationId)],
);

/**
 * Evidence that is itself an Open Badge, typically a trainer's: checked by the
 * engine's verifier when attached, and shown to reviewers with the result.
 */
export const applicationBadges = pgTable(
  "application_badges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    criterion: text("criterion").notNull(),
    /** Who holds it, as the CFA names them (a trainer, a team). */
    holderName: text("holder_name").notNull(),
    /** What was given: a URL, the JSON or JWT text, or the name of a baked image. */
    source: text("source").notNull(),
    input: text("input").notNull(),
    verified: boolean("verified").notNull(),
    badgeName: text("badge_name"),
    issuerName: text("issuer_name"),
    /** The failed steps' reasons (FR/EN), when it did not verify. */
    problems: jsonb("problems").$type<{ fr: string; en: string }[]>().notNull(),
    checkedAt: ts("checked_at").notNull().defaultNow(),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("application_badges_app_idx").on(t.applicationId),
    check("application_badges_source_check", sql`${t.source} in ('url', 'text', 'image')`),
  ],
);

export const recommendations = ["grant", "revise", "refuse"] as const;

export const reviewAssignments = pgTable(
  "review_assignments",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    state: text("state").$type<ReviewState>().notNull().default("assigned"),
    /** Per criterion ("0", "1"...): 1 (not met) to 4 (exemplary). */
    ratings: jsonb("ratings").$type<Record<string, number>>(),
    recommendation: text("recommendation"),
    comment: text("comment"),
    recusalReason: text("recusal_reason"),
    assignedAt: ts("assigned_at").notNull().defaultNow(),
    submittedAt: ts("submitted_at"),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.reviewerId] }),
    index("review_assignments_reviewer_idx").on(t.reviewerId),
    check("review_assignments_state_check", isOneOf(t.state, reviewStates)),
    check(
      "review_assignments_recommendation_check",
      sql`${t.recommendation} is null or ${t.recommendation} in ('grant', 'revise', 'refuse')`,
    ),
  ],
);

/** The dialogue on an application: questions and answers between reviewers, managers and the CFA. */
export const applicationMessages = pgTable(
  "application_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    /** Who wrote, as the applicant sees it: the CFA, a reviewer, the Region. */
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("application_messages_app_idx").on(t.applicationId, t.createdAt),
    check(
      "application_messages_role_check",
      sql`${t.authorRole} in ('applicant', 'reviewer', 'manager')`,
    ),
  ],
);

/** What the automatic check found when the label was requested. */
export type LabelCheck = {
  eligible: boolean;
  count: number;
  total: number;
  missingRequired: string[];
  /** The credentials counted, one per badge of the collection. */
  counted: { badgeId: string; credentialId: string; validUntil: string | null }[];
};

/**
 * A CFA's request for the label (first award or renewal): checked
 * automatically against the rule, confirmed or refused by a manager.
 */
export const labelRequests = pgTable(
  "label_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "restrict" }),
    kind: text("kind").notNull().default("first"),
    state: text("state").$type<LabelRequestState>().notNull().default("pending"),
    check: jsonb("check").$type<LabelCheck>().notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: ts("decided_at"),
    motivation: text("motivation"),
    createdAt: createdAt(),
  },
  (t) => [
    index("label_requests_org_idx").on(t.organisationId),
    uniqueIndex("label_requests_one_pending_key")
      .on(t.organisationId)
      .where(sql`${t.state} = 'pending'`),
    check("label_requests_kind_check", sql`${t.kind} in ('first', 'renewal')`),
    check("label_requests_state_check", isOneOf(t.state, labelRequestStates)),
  ],
);

/** A CFA's idea for a new badge; managers answer it and may turn it into a catalogue draft. */
export const badgeIdeas = pgTable(
  "badge_ideas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    state: text("state").$type<IdeaState>().notNull().default("new"),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: ts("answered_at"),
    /** The draft badge a manager made of it, if any. */
    badgeClassId: uuid("badge_class_id").references(() => badgeClasses.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("badge_ideas_org_idx").on(t.organisationId),
    check("badge_ideas_state_check", isOneOf(t.state, ideaStates)),
  ],
);

/* ------------------------------------------------------------------------ */
/* Programme 2, "La Normandie badge les compétences": partners, their badges */
/* mapped to regional competences, earners, and the partner badges received. */
/* ------------------------------------------------------------------------ */

export const equivalenceKinds = ["one_for_one", "three_for_one"] as const;
export type EquivalenceKind = (typeof equivalenceKinds)[number];

/** Where a registration aims: a competence family and a level, with its weight. */
export type RegistrationTarget = {
  family: string;
  level: number;
  equivalence: EquivalenceKind;
};

/**
 * How a partner proved it controls the issuer its registration names: it is
 * its own issuer on Blason, or it handed in a credential of that very badge
 * class, signed by that issuer and issued to the partner's proof address,
 * which the verifier accepted.
 */
export type IssuerProof =
  | { kind: "blason" }
  | {
      kind: "credential";
      credentialId: string | null;
      format: string;
      recipient: string;
      verifiedAt: string;
      credential: Record<string, unknown> | null;
    };

/**
 * A participant's badge submitted for a regional competence and level: by the
 * URL of its OB 2.0 BadgeClass or OB 3.0 Achievement, as pasted JSON, or as a
 * badge it issues on Blason. Approved, it makes that badge count from its
 * approval date (no retroactivity).
 */
export const partnerRegistrations = pgTable(
  "partner_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    source: text("source").notNull(),
    /** The badge class's own id (IRI): what incoming badges are matched on. */
    badgeClassIri: text("badge_class_iri").notNull(),
    /**
     * Who must have signed (or hosted) the badges: an Achievement id alone
     * proves nothing, anyone can write it into a credential they sign.
     */
    issuerIri: text("issuer_iri"),
    /**
     * The partner's proof that it controls `issuerIri`. Without one (rows from
     * before proofs were asked), the registration counts for nothing: no
     * mapping, no say over the issuer's badges, and it blocks no new one.
     */
    issuerProof: jsonb("issuer_proof").$type<IssuerProof>(),
    /** When the partner issues it on Blason. */
    blasonBadgeClassId: uuid("blason_badge_class_id").references(() => badgeClasses.id, {
      onDelete: "restrict",
    }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    image: text("image"),
    /** The BadgeClass or Achievement as read at submission. */
    document: jsonb("document").$type<Record<string, unknown>>(),
    target: jsonb("target").$type<RegistrationTarget>().notNull(),
    justification: text("justification").notNull(),
    state: text("state").$type<RegistrationState>().notNull().default("submitted"),
    /** A manager's counter-proposal, which the partner accepts or refuses. */
    proposal: jsonb("proposal").$type<RegistrationTarget & { note: string }>(),
    approvedAt: ts("approved_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    motivation: text("motivation"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("partner_registrations_org_idx").on(t.organisationId),
    index("partner_registrations_iri_idx").on(t.badgeClassIri),
    uniqueIndex("partner_registrations_live_key")
      .on(t.organisationId, t.badgeClassIri)
      .where(
        sql`${t.state} in ('submitted', 'requalification_proposed', 'approved') and ${t.issuerProof} is not null`,
      ),
    index("partner_registrations_issuer_idx").on(t.issuerIri),
    check("partner_registrations_source_check", sql`${t.source} in ('url', 'json', 'blason')`),
    check("partner_registrations_state_check", isOneOf(t.state, registrationStates)),
    check(
      "partner_registrations_approved_check",
      sql`(${t.state} = 'approved') = (${t.approvedAt} is not null)`,
    ),
  ],
);

/** The dialogue on a registration, between the partner and the Region. */
export const registrationMessages = pgTable(
  "registration_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => partnerRegistrations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("registration_messages_reg_idx").on(t.registrationId, t.createdAt),
    check("registration_messages_role_check", sql`${t.authorRole} in ('partner', 'manager')`),
  ],
);

/** A partner system's key to push the badges it issued: the secret is shown once, kept hashed. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** sha256 of the secret. */
    secretHash: text("secret_hash").notNull(),
    /** The first characters, so that people can tell their keys apart. */
    secretPrefix: text("secret_prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_clients_secret_key").on(t.secretHash),
    index("api_clients_org_idx").on(t.organisationId),
  ],
);

/** A person who receives regional badges: a user with a passport. */
export const earners = pgTable(
  "earners",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    passportSlug: text("passport_slug").notNull(),
    passportPublic: boolean("passport_public").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("earners_passport_slug_key").on(t.passportSlug)],
);

export const partnerBadgeChannels = ["blason", "api", "upload"] as const;
export type PartnerBadgeChannel = (typeof partnerBadgeChannels)[number];

/**
 * A partner badge an earner received, however it reached Blason, with what
 * the verifier and the rules said of it. A row is keyed by what was verified:
 * its issuer and its assertion's or credential's id. The same badge arriving
 * twice (or by two channels) is one row; a document that did not verify has
 * no issuer and is keyed by a hash of its content, so it never lands on (nor
 * replaces) a verified badge.
 */
export const partnerBadges = pgTable(
  "partner_badges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    earnerId: uuid("earner_id")
      .notNull()
      .references(() => earners.userId, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    /** The assertion's or credential's own id (verified), else a hash of its document. */
    assertionKey: text("assertion_key").notNull(),
    /** The verified issuer; null when the document did not verify. */
    issuerIri: text("issuer_iri"),
    partnerOrgId: uuid("partner_org_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    badgeClassIri: text("badge_class_iri"),
    registrationId: uuid("registration_id").references(() => partnerRegistrations.id, {
      onDelete: "set null",
    }),
    name: text("name"),
    issuedOn: ts("issued_on"),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
    /** Counts towards regional badges (all checks passed), else the refusal. */
    counts: boolean("counts").notNull().default(false),
    refusalCode: text("refusal_code"),
    refusalReason: text("refusal_reason"),
    report: jsonb("report").$type<Record<string, unknown>>(),
    document: jsonb("document").$type<unknown>(),
    /** The badge exactly as it was handed in (a compact JWS stays one; JSON keeps its bytes). */
    source: text("source"),
    apiClientId: uuid("api_client_id").references(() => apiClients.id, { onDelete: "set null" }),
    receivedAt: ts("received_at").notNull().defaultNow(),
    checkedAt: ts("checked_at").notNull().defaultNow(),
  },
  (t) => [
    unique("partner_badges_earner_issuer_assertion_key")
      .on(t.earnerId, t.issuerIri, t.assertionKey)
      .nullsNotDistinct(),
    index("partner_badges_registration_idx").on(t.registrationId),
    check("partner_badges_channel_check", sql`${t.channel} in ('blason', 'api', 'upload')`),
    check("partner_badges_counts_check", sql`${t.counts} = (${t.refusalCode} is null)`),
  ],
);

/**
 * When an organisation was a Participant (or Ambassadeur) of programme 2: a
 * partner badge counts only if its issuer was a participant on its issue date.
 */
export const partnerParticipations = pgTable(
  "partner_participations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    kind: text("kind").notNull().default("participant"),
    validFrom: ts("valid_from").notNull(),
    validUntil: ts("valid_until"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("partner_participations_org_idx").on(t.organisationId),
    check("partner_participations_kind_check", sql`${t.kind} in ('participant', 'ambassador')`),
  ],
);

export type AwardRow = { line: number; email: string; name: string };
export type AwardProblem = { line: number; email: string; reason: string };

/**
 * A partner awarding one of its Blason badges to a list of people (a CSV):
 * the rows, how far the job got, and what failed. The job resumes from
 * `processed` after a crash; the grant key keeps each award single.
 */
export const awardBatches = pgTable(
  "award_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    badgeClassId: uuid("badge_class_id")
      .notNull()
      .references(() => badgeClasses.id, { onDelete: "restrict" }),
    rows: jsonb("rows").$type<AwardRow[]>().notNull(),
    /** Lines of the file (header and blank lines aside): issued + already held + refused. */
    lines: integer("lines").notNull(),
    /** Rows to award (the lines that passed the checks); the job goes through them. */
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    issued: integer("issued").notNull().default(0),
    alreadyHeld: integer("already_held").notNull().default(0),
    /** The refused lines, with their number and why: at the checks, then by the job. */
    problems: jsonb("problems").$type<AwardProblem[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("award_batches_org_idx").on(t.organisationId),
    check("award_batches_progress_check", sql`${t.processed} between 0 and ${t.total}`),
    check(
      "award_batches_counts_check",
      sql`${t.issued} + ${t.alreadyHeld} <= ${t.processed} and ${t.total} <= ${t.lines}`,
    ),
  ],
);

/**
 * What the OAuth 2.0 server (oidc-provider) keeps: clients, grants, codes,
 * tokens, sessions and interactions, one row per model instance. Columns
 * beside the payload are those it looks rows up by (a grant's tokens, a
 * person's grants).
 */
export const oauthModels = pgTable(
  "oauth_models",
  {
    kind: text("kind").notNull(),
    id: text("id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    grantId: text("grant_id"),
    uid: text("uid"),
    userCode: text("user_code"),
    /** The person (or organisation, for client credentials) the grant is for. */
    accountId: text("account_id"),
    clientId: text("client_id"),
    expiresAt: ts("expires_at"),
    consumedAt: ts("consumed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index("oauth_models_grant_idx").on(t.grantId),
    index("oauth_models_uid_idx").on(t.uid),
    index("oauth_models_account_idx").on(t.kind, t.accountId),
    index("oauth_models_client_idx").on(t.clientId),
    index("oauth_models_expires_idx").on(t.expiresAt),
  ],
);

/* ------------------------------------------------------------------------ */
/* Mentoring (parrainage): a newcomer CFA paired with a mentor CFA.          */
/* ------------------------------------------------------------------------ */

/**
 * A mentee CFA paired with a mentor CFA, from `starts_at` to `ends_at` (a
 * year by default); it also ends when a manager ends it (`ended_at`) or when
 * the mentee obtains the label (mentoring.rules.ts). The mentee chooses what
 * the mentor may see.
 */
export const mentoringPairings = pgTable(
  "mentoring_pairings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    endedAt: ts("ended_at"),
    endedBy: uuid("ended_by").references(() => users.id, { onDelete: "set null" }),
    /** The mentee's choice: the mentor may read its label-progress picture. */
    shareProgress: boolean("share_progress").notNull().default(false),
    /** The mentee's choice: the mentor may read its application drafts. */
    shareDrafts: boolean("share_drafts").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("mentoring_pairings_mentee_idx").on(t.menteeId),
    index("mentoring_pairings_mentor_idx").on(t.mentorId),
    check("mentoring_pairings_distinct_check", sql`${t.menteeId} <> ${t.mentorId}`),
    check("mentoring_pairings_dates_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A CFA asks for a mentor; a manager then pairs it. */
export const mentoringRequests = pgTable(
  "mentoring_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    message: text("message").notNull(),
    state: text("state").$type<MentoringRequestState>().notNull().default("open"),
    pairingId: uuid("pairing_id").references(() => mentoringPairings.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentoring_requests_org_idx").on(t.organisationId),
    uniqueIndex("mentoring_requests_one_open_key")
      .on(t.organisationId)
      .where(sql`${t.state} = 'open'`),
    check("mentoring_requests_state_check", isOneOf(t.state, mentoringRequestStates)),
  ],
);

/** The pairing's shared thread (the dialogue module writes and reads it). */
export const mentoringMessages = pgTable(
  "mentoring_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairingId: uuid("pairing_id")
      .notNull()
      .references(() => mentoringPairings.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentoring_messages_pairing_idx").on(t.pairingId, t.createdAt),
    check("mentoring_messages_role_check", sql`${t.authorRole} in ('mentee', 'mentor', 'manager')`),
  ],
);

/**
 * A badge offered to its holder's wallet (OpenID4VCI pre-authorized code, or a
 * VC-API exchange for the Learner Credential Wallet). Only hashes of its
 * secrets are kept; it expires within minutes and delivers once (guarded
 * updates on `state`).
 */
export const walletOffers = pgTable(
  "wallet_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    protocol: text("protocol").$type<WalletProtocol>().notNull(),
    state: text("state").$type<WalletOfferState>().notNull().default("offered"),
    /** The pre-authorized code, or the exchange's id in its URL. */
    codeHash: text("code_hash").notNull(),
    /** The transaction code shown beside the QR code (OpenID4VCI). */
    txCodeHash: text("tx_code_hash"),
    /** Wrong transaction codes so far: past a few, the offer is burnt. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    accessTokenHash: text("access_token_hash"),
    tokenExpiresAt: ts("token_expires_at"),
    /** The VC-API exchange's challenge, asked when the wallet starts it. */
    challenge: text("challenge"),
    /** The wallet's DID the copy was bound to. */
    holderDid: text("holder_did"),
    expiresAt: ts("expires_at").notNull(),
    deliveredAt: ts("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("wallet_offers_code_idx").on(t.codeHash),
    uniqueIndex("wallet_offers_token_idx").on(t.accessTokenHash),
    index("wallet_offers_credential_idx").on(t.credentialId),
    check("wallet_offers_state_check", isOneOf(t.state, walletOfferStates)),
    check("wallet_offers_protocol_check", isOneOf(t.protocol, walletProtocols)),
  ],
);

/* ------------------------------------------------------------------------ */
/* Endorsements: institutions recognise a badge class or the Region as issuer */
/* ------------------------------------------------------------------------ */

/**
 * An EndorsementCredential, from its invitation to its withdrawal. The endorser
 * is an organisation on Blason (it signs with its own key) or an external
 * issuer (its id, did:web or https), which uploads one signed by its platform.
 */
export const endorsements = pgTable(
  "endorsements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    target: text("target").$type<EndorsementTarget>().notNull(),
    badgeClassId: uuid("badge_class_id").references(() => badgeClasses.id, {
      onDelete: "restrict",
    }),
    /** The endorsed issuer (the Region) when `target` is "issuer". */
    subjectOrgId: uuid("subject_org_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    endorserOrgId: uuid("endorser_org_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    externalIssuerId: text("external_issuer_id"),
    endorserName: text("endorser_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    /** The invitation link's secret, hashed (external endorsers only). */
    tokenHash: text("token_hash").unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    state: text("state").$type<EndorsementState>().notNull().default("invited"),
    statement: text("statement"),
    document: jsonb("document").$type<Record<string, unknown>>(),
    /** The endorser's revocation list entry (signed on Blason only). */
    statusList: text("status_list").references(() => statusLists.id, { onDelete: "restrict" }),
    statusIndex: integer("status_index"),
    publishedAt: ts("published_at"),
    withdrawnAt: ts("withdrawn_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("endorsements_badge_idx").on(t.badgeClassId),
    check("endorsements_state_check", isOneOf(t.state, endorsementStates)),
    check("endorsements_target_check", isOneOf(t.target, endorsementTargets)),
    check(
      "endorsements_endorser_check",
      sql`(${t.endorserOrgId} is null) <> (${t.externalIssuerId} is null)`,
    ),
    uniqueIndex("endorsements_status_position").on(t.statusList, t.statusIndex),
  ],
);

/* Support requests (issue 15): peer CFAs advise CFAs, managers oversee. ---- */

/** A CFA that volunteers to advise others: for which badges or themes, and how many open requests at once. */
export const supportAdvisers = pgTable(
  "support_advisers",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Badge slugs of the label collection it advises on. */
    badges: text("badges").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    capacity: integer("capacity").notNull(),
    active: boolean("active").notNull().default(true),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [check("support_advisers_capacity_check", sql`${t.capacity} between 0 and 50`)],
);

/** What the adviser proposes, or the asker counters: when, and where or on which video link. */
export type SupportMeeting = {
  startsAt: string;
  place: string | null;
  videoUrl: string | null;
  note: string | null;
  by: "asker" | "adviser";
};

/** A CFA's request for advice, routed to an adviser CFA (none: it waits for a manager). */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    adviserOrganisationId: uuid("adviser_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    badges: text("badges").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    question: text("question").notNull(),
    state: text("state").$type<SupportState>().notNull(),
    meeting: jsonb("meeting").$type<SupportMeeting>(),
    feedback: text("feedback"),
    /** The adviser's first message or meeting proposal. */
    firstAnsweredAt: ts("first_answered_at"),
    assignedAt: ts("assigned_at"),
    closedAt: ts("closed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("support_requests_org_idx").on(t.organisationId),
    index("support_requests_adviser_idx").on(t.adviserOrganisationId),
    check("support_requests_state_check", isOneOf(t.state, supportStates)),
    check(
      "support_requests_assigned_check",
      sql`(${t.state} = 'waiting') = (${t.adviserOrganisationId} is null) or ${t.state} = 'closed'`,
    ),
    check(
      "support_requests_closed_check",
      sql`(${t.state} = 'closed') = (${t.closedAt} is not null)`,
    ),
  ],
);

/** The thread of a support request, between the asking CFA and its adviser. */
export const supportMessages = pgTable(
  "support_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("support_messages_request_idx").on(t.requestId, t.createdAt),
    check("support_messages_role_check", sql`${t.authorRole} in ('asker', 'adviser', 'manager')`),
  ],
);

/** The programme's contacts and texts (its mailbox, the help pages), edited by managers. */
export const programmeTexts = pgTable("programme_texts", {
  key: text("key").primaryKey(),
  fr: text("fr").notNull(),
  en: text("en").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
