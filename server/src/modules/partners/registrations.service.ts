import { createHash } from "node:crypto";
import { didWebFromUrl } from "@blason/openbadges";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import {
  badgeClasses,
  collections,
  type IssuerProof,
  organisations,
  partnerRegistrations,
  programmes,
  type RegistrationState,
  type RegistrationTarget,
  registrationMessages,
} from "../../db/schema";
import { AppError } from "../../errors";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import { appendAudit } from "../audit/audit.repo";
import { listUsersWithRole, type UserRow } from "../auth/auth.repo";
import { factsFromReport } from "../competences/ingestion.service";
import { issuerDid } from "../credentials/issuer.service";
import { queueEmail } from "../email/mailer";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import { authorize, can, type Principal } from "../policy/policy";
import {
  type BadgeClassSummary,
  claimedIssuer,
  judgeIssuerProof,
  nextRegistrationState,
  type RegistrationEvent,
  readBadgeClass,
} from "./registration.rules";

export const COMPETENCES_PROGRAMME = "competences";
type RegistrationRow = typeof partnerRegistrations.$inferSelect;

export type RegistrationSource =
  | { source: "url"; url: string }
  | { source: "json"; json: string }
  | { source: "blason"; badgeClassId: string };

/** The competences and levels a partner badge may aim at: the regional level badges in force. */
export async function regionalTargets(q: Queryable) {
  const rows = await q
    .select({ id: badgeClasses.id, name: badgeClasses.name, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(
      and(eq(programmes.slug, COMPETENCES_PROGRAMME), sql`${badgeClasses.rule}->>'kind' = 'level'`),
    )
    .orderBy(asc(badgeClasses.position));
  return rows.map((r) => ({
    badgeClassId: r.id,
    name: r.name,
    family: String(r.rule?.family ?? ""),
    level: Number(r.rule?.level ?? 0),
  }));
}

async function checkTarget(q: Queryable, target: RegistrationTarget) {
  const targets = await regionalTargets(q);
  const found = targets.find((t) => t.family === target.family && t.level === target.level);
  if (!found) throw new AppError("REGISTRATION_TARGET_UNKNOWN");
  return found;
}

/** Reads the badge class from where the partner points: a URL (fetched safely), pasted JSON, or Blason. */
async function readSource(
  ctx: AppContext,
  input: RegistrationSource,
  organisationId: string,
): Promise<
  BadgeClassSummary & { document: Record<string, unknown> | null; blasonId: string | null }
> {
  const invalid = (reason: string) =>
    new AppError("REGISTRATION_DOCUMENT_INVALID", { document: reason });
  if (input.source === "blason") {
    const [row] = await ctx.db
      .select({ badge: badgeClasses, programme: programmes, owner: organisations })
      .from(badgeClasses)
      .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
      .innerJoin(programmes, eq(programmes.id, collections.programmeId))
      .innerJoin(organisations, eq(organisations.id, programmes.ownerOrgId))
      .where(eq(badgeClasses.id, input.badgeClassId));
    if (!row || row.programme.ownerOrgId !== organisationId)
      throw invalid("Ce badge n'est pas l'un de ceux que votre structure délivre sur Blason.");
    return {
      iri: `${ctx.config.publicUrl}/badges/${row.badge.id}`,
      name: row.badge.name,
      description: row.badge.recognises,
      image: `${ctx.config.publicUrl}/api/public/badges/${row.badge.id}/image.png`,
      version: "3.0",
      issuerIri: issuerDid(ctx.config, row.owner.slug),
      document: null,
      blasonId: row.badge.id,
    };
  }
  let document: unknown;
  if (input.source === "url") {
    const fetched = await ctx.fetcher(input.url, {
      accept: "application/ld+json, application/json",
    });
    if (!fetched.ok) throw invalid(`L'adresse n'a pas pu être lue (${fetched.message}).`);
    try {
      document = JSON.parse(fetched.text);
    } catch {
      throw invalid("L'adresse ne renvoie pas de JSON.");
    }
  } else {
    try {
      document = JSON.parse(input.json);
    } catch {
      throw invalid("Le texte collé n'est pas du JSON valide.");
    }
  }
  const read = readBadgeClass(document);
  if ("ok" in read) throw invalid(read.reason);
  return { ...read, document: document as Record<string, unknown>, blasonId: null };
}

/**
 * The address a partner issues one of its badges to, to prove it controls
 * the badge's issuer: its own, derived from the organisation. A badge issued
 * to a person (anyone's copy) proves nothing; one issued to this address
 * could only come from whoever runs the issuer, at the partner's request.
 */
export function issuerProofAddress(config: Config, organisationId: string) {
  const tag = createHash("sha256")
    .update(`blason:issuer-proof:${organisationId}`)
    .digest("hex")
    .slice(0, 16);
  return `preuve-${tag}@${new URL(config.publicUrl).hostname}`;
}

/** An issuer Blason itself hosts: a did:web under Blason's address, or a page of it. */
function hostedByBlason(config: Config, iri: string) {
  const did = didWebFromUrl(config.publicUrl);
  return iri === did || iri.startsWith(`${did}:`) || iri.startsWith(`${config.publicUrl}/`);
}

/** A proof as the partner gives it: a URL, JSON or a JWT as text, or a baked image as a data URL. */
function proofInput(proof: string): string | Uint8Array {
  const image = /^data:image\/(?:png|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$/.exec(proof.trim());
  return image ? new Uint8Array(Buffer.from(image[1]!, "base64")) : proof;
}

/** Verifies the partner's proof that it controls the issuer, or says why it is refused. */
export async function proveIssuer(
  ctx: AppContext,
  organisationId: string,
  expected: { issuerIri: string; badgeClassIri: string },
  proof: string | undefined,
): Promise<IssuerProof> {
  const recipient = issuerProofAddress(ctx.config, organisationId);
  const report = proof
    ? await verifyInWorkers(ctx, proofInput(proof), { recipient: { email: recipient } })
    : null;
  if (report) assertStorable(report, "proof");
  const facts = report ? factsFromReport(report) : null;
  const failure = judgeIssuerProof(facts, expected);
  if (failure || !report)
    throw new AppError(failure ?? "REGISTRATION_PROOF_REQUIRED", { proof: "" });
  const id = report.credential?.id;
  return {
    kind: "credential",
    credentialId: typeof id === "string" ? id : null,
    format: report.format,
    recipient,
    verifiedAt: new Date().toISOString(),
    credential: report.credential ?? null,
  };
}

const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(
    ctx,
    principal,
    organisationId,
    "partner.registrations.manage",
    "partner",
    "REGISTRATION_NOT_PARTNER",
  );

const managers = (q: Queryable) => listUsersWithRole(q, "programme_manager");

/** What the partner's registration form says about proofs: the address to issue to, and its own issuer. */
export async function issuerProofFor(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  return {
    recipient: issuerProofAddress(ctx.config, org.id),
    ownIssuer: issuerDid(ctx.config, org.slug),
  };
}

/** A participant submits one of its badges for a regional competence and level. */
export async function submitRegistration(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  input: RegistrationSource & {
    organisationId: string;
    target: RegistrationTarget;
    justification: string;
    issuerIri?: string;
    /** A credential of this badge class, signed by its issuer, issued to the proof address. */
    proof?: string;
  },
) {
  const org = await loadPartner(ctx, principal, input.organisationId);
  const target = await checkTarget(ctx.db, input.target);
  const badge = await readSource(ctx, input, org.id);
  const claim = claimedIssuer({
    named: badge.issuerIri,
    typed: input.issuerIri?.trim() || null,
    own: issuerDid(ctx.config, org.slug),
    hostedByBlason: (iri) => hostedByBlason(ctx.config, iri),
  });
  if (!claim.ok)
    throw new AppError(claim.code, {
      issuerIri:
        claim.code === "REGISTRATION_DOCUMENT_INVALID"
          ? "Le badge ne dit pas qui le délivre : indiquez l'identifiant de votre émetteur (adresse ou DID)."
          : "",
    });
  const { issuerIri } = claim;
  const issuerProof: IssuerProof = claim.needsProof
    ? await proveIssuer(ctx, org.id, { issuerIri, badgeClassIri: badge.iri }, input.proof)
    : { kind: "blason" };
  const staff = await managers(ctx.db);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(partnerRegistrations)
        .values({
          organisationId: org.id,
          source: input.source,
          badgeClassIri: badge.iri,
          issuerIri,
          issuerProof,
          blasonBadgeClassId: badge.blasonId,
          name: badge.name,
          description: badge.description,
          image: badge.image,
          document: badge.document,
          target: input.target,
          justification: input.justification,
          createdBy: user.id,
        })
        .returning();
      await appendAudit(tx, {
        actor: actorOf(user),
        action: "registration.submitted",
        targetType: "partner_registration",
        targetId: row!.id,
        data: {
          organisation: org.name,
          badge: badge.name,
          target: input.target,
          issuer: issuerIri,
          proof: issuerProof.kind === "credential" ? issuerProof.credentialId : "blason",
        },
      });
      for (const manager of staff)
        await queueEmail(tx, {
          to: manager.email,
          locale: manager.locale === "en" ? "en" : "fr",
          template: {
            name: "registration_submitted",
            organisation: org.name,
            badge: badge.name,
            target: target.name,
            equivalence: input.target.equivalence,
            url: `${ctx.config.publicUrl}/partenaires/badges/${row!.id}`,
          },
        });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("REGISTRATION_DUPLICATE");
    throw error;
  }
}

async function readableRegistration(ctx: AppContext, principal: Principal, id: string) {
  const [found] = await ctx.db
    .select({ registration: partnerRegistrations, org: organisations })
    .from(partnerRegistrations)
    .innerJoin(organisations, eq(organisations.id, partnerRegistrations.organisationId))
    .where(eq(partnerRegistrations.id, id));
  if (!found) throw new AppError("NOT_FOUND");
  authorize(
    principal,
    "partner.registrations.read",
    { org: found.org },
    "partner.registrations.read",
  );
  return found;
}

export async function getRegistration(ctx: AppContext, principal: Principal, id: string) {
  const found = await readableRegistration(ctx, principal, id);
  const messages = await ctx.db
    .select()
    .from(registrationMessages)
    .where(eq(registrationMessages.registrationId, id))
    .orderBy(asc(registrationMessages.createdAt));
  return { ...found, messages };
}

/** Partners see their own registrations; managers see every one. */
export async function listRegistrations(
  ctx: AppContext,
  principal: Principal,
  filter: { organisationId?: string; state?: RegistrationState },
) {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  const manager = can(principal, "partner.registrations.decide");
  const mine = principal.memberships.map((m) => m.organisationId);
  const rows = await ctx.db
    .select({ registration: partnerRegistrations, org: organisations })
    .from(partnerRegistrations)
    .innerJoin(organisations, eq(organisations.id, partnerRegistrations.organisationId))
    .orderBy(desc(partnerRegistrations.updatedAt));
  return rows.filter(
    (r) =>
      (manager || mine.includes(r.org.id)) &&
      (!filter.organisationId || r.org.id === filter.organisationId) &&
      (!filter.state || r.registration.state === filter.state),
  );
}

async function transition(
  ctx: AppContext,
  found: { registration: RegistrationRow; org: typeof organisations.$inferSelect },
  user: UserRow,
  event: RegistrationEvent["kind"],
  set: Partial<typeof partnerRegistrations.$inferInsert>,
  email: { to: "partner" | "managers"; outcome: string; note: string } | null,
) {
  const next = nextRegistrationState(found.registration.state as RegistrationState, event);
  if (!next) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
  const staff = email?.to === "managers" ? await managers(ctx.db) : [];
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(partnerRegistrations)
      .set({ ...set, state: next, updatedAt: new Date() })
      .where(
        and(
          eq(partnerRegistrations.id, found.registration.id),
          eq(partnerRegistrations.state, found.registration.state),
        ),
      )
      .returning();
    if (!updated) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: `registration.${event}`,
      targetType: "partner_registration",
      targetId: updated.id,
      data: { organisation: found.org.name, badge: updated.name, state: next },
    });
    if (!email) return;
    const recipients =
      email.to === "partner"
        ? [{ email: found.org.contactEmail, locale: "fr" }]
        : staff.map((s) => ({ email: s.email, locale: s.locale }));
    for (const to of recipients)
      await queueEmail(tx, {
        to: to.email,
        locale: to.locale === "en" ? "en" : "fr",
        template: {
          name: "registration_decided",
          organisation: found.org.name,
          badge: updated.name,
          outcome: email.outcome as "approved",
          note: email.note,
          url: `${ctx.config.publicUrl}/partenaires/badges/${updated.id}`,
        },
      });
  });
}

/** The manager's word: approve (the date starts eligibility), refuse, or propose a requalification. */
export async function decideRegistration(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  input:
    | { decision: "approve"; motivation: string }
    | { decision: "refuse"; motivation: string }
    | { decision: "requalify"; motivation: string; proposal: RegistrationTarget },
) {
  authorize(principal, "partner.registrations.decide");
  const found = await readableRegistration(ctx, principal, id);
  const now = new Date();
  if (input.decision === "requalify") {
    const target = await checkTarget(ctx.db, input.proposal);
    await transition(
      ctx,
      found,
      user,
      "requalify",
      { proposal: { ...input.proposal, note: input.motivation }, motivation: input.motivation },
      {
        to: "partner",
        outcome: "requalification_proposed",
        note: `${target.name}, ${input.proposal.equivalence === "one_for_one" ? "1 pour 1" : "3 pour 1"} : ${input.motivation}`,
      },
    );
    return;
  }
  await transition(
    ctx,
    found,
    user,
    input.decision,
    input.decision === "approve"
      ? { approvedAt: now, decidedBy: user.id, motivation: input.motivation, proposal: null }
      : { decidedBy: user.id, motivation: input.motivation, proposal: null },
    {
      to: "partner",
      outcome: input.decision === "approve" ? "approved" : "refused",
      note: input.motivation,
    },
  );
}

/** The partner's answer to a requalification: accepted, it is approved as proposed, today. */
export async function answerProposal(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  answer: "accept" | "refuse",
) {
  const found = await readableRegistration(ctx, principal, id);
  authorize(principal, "partner.registrations.manage", { org: found.org });
  const proposal = found.registration.proposal;
  if (answer === "accept") {
    if (!proposal) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
    await transition(
      ctx,
      found,
      user,
      "accept_proposal",
      {
        target: {
          family: proposal.family,
          level: proposal.level,
          equivalence: proposal.equivalence,
        },
        approvedAt: new Date(),
        proposal: null,
      },
      { to: "managers", outcome: "proposal_accepted", note: "" },
    );
  } else
    await transition(
      ctx,
      found,
      user,
      "refuse_proposal",
      { proposal: null },
      { to: "managers", outcome: "proposal_refused", note: "" },
    );
}

export async function withdrawRegistration(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
) {
  const found = await readableRegistration(ctx, principal, id);
  authorize(principal, "partner.registrations.manage", { org: found.org });
  await transition(ctx, found, user, "withdraw", {}, null);
}

/** The dialogue: the partner and the Region, each told of the other's message. */
export async function postRegistrationMessage(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  body: string,
) {
  const found = await readableRegistration(ctx, principal, id);
  const role = can(principal, "partner.registrations.manage", { org: found.org })
    ? "partner"
    : "manager";
  const staff = role === "partner" ? await managers(ctx.db) : [];
  await ctx.db.transaction(async (tx) => {
    await tx.insert(registrationMessages).values({
      registrationId: id,
      authorId: user.id,
      authorName: role === "partner" ? `${user.name} (${found.org.name})` : user.name,
      authorRole: role,
      body,
    });
    const recipients =
      role === "partner"
        ? staff.map((s) => ({ email: s.email, locale: s.locale }))
        : [{ email: found.org.contactEmail, locale: "fr" }];
    for (const to of recipients.filter((r) => r.email !== user.email))
      await queueEmail(tx, {
        to: to.email,
        locale: to.locale === "en" ? "en" : "fr",
        template: {
          name: "registration_message",
          organisation: found.org.name,
          badge: found.registration.name,
          author: role === "partner" ? found.org.name : "la Région",
          excerpt: body.length > 400 ? `${body.slice(0, 400)}…` : body,
          url: `${ctx.config.publicUrl}/partenaires/badges/${id}`,
        },
      });
  });
}
