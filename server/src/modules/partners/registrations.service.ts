import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import type { IssuerProof, RegistrationState, RegistrationTarget } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { listUsersWithRole } from "../auth/auth.repo";
import { issuerDid } from "../credentials/issuer.service";
import { listMessages } from "../dialogue/dialogue.repo";
import { postMessage } from "../dialogue/dialogue.service";
import { REGION_IN_EMAIL } from "../dialogue/dialogue.text";
import { queueEmail } from "../email/mailer";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { authorize, can, type Principal } from "../policy/policy";
import { type RegistrationSource, readSource } from "./badge-source.service";
import { hostedByBlason, issuerProofAddress, proveIssuer } from "./issuer-proof.service";
import { claimedIssuer } from "./registration.rules";
import {
  findRegistration,
  insertRegistration,
  listLevelBadges,
  listRegistrationRows,
} from "./registrations.repo";
import { registrationTexts as texts } from "./registrations.text";

/** Who reads: their principal (nobody, or a signed-in user with their roles). */
export type Reader = { principal: Principal };

export const COMPETENCES_PROGRAMME = "competences";

/** The competences and levels a partner badge may aim at: the regional level badges in force. */
export async function regionalTargets(q: Queryable) {
  const rows = await listLevelBadges(q, COMPETENCES_PROGRAMME);
  return rows.map((r) => ({
    badgeClassId: r.id,
    name: r.name,
    family: String(r.rule?.family ?? ""),
    level: Number(r.rule?.level ?? 0),
  }));
}

export async function checkTarget(q: Queryable, target: RegistrationTarget) {
  const targets = await regionalTargets(q);
  const found = targets.find((t) => t.family === target.family && t.level === target.level);
  if (!found) throw new AppError("REGISTRATION_TARGET_UNKNOWN");
  return found;
}

const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, {
    principal,
    id: organisationId,
    action: "partner.registrations.manage",
    kind: "partner",
    wrongKind: "REGISTRATION_NOT_PARTNER",
  });

export const managers = (q: Queryable) => listUsersWithRole(q, "programme_manager");

/** What the partner's registration form says about proofs: the address to issue to, and its own issuer. */
export async function issuerProofFor(
  ctx: AppContext,
  options: { caller: Reader; organisationId: string },
) {
  const org = await loadPartner(ctx, options.caller.principal, options.organisationId);
  return {
    recipient: issuerProofAddress(ctx.config, org.id),
    ownIssuer: issuerDid(ctx.config, org.slug),
  };
}

export type RegistrationInput = RegistrationSource & {
  organisationId: string;
  target: RegistrationTarget;
  justification: string;
  issuerIri?: string | undefined;
  /** A credential of this badge class, signed by its issuer, issued to the proof address. */
  proof?: string | undefined;
};

/** A participant submits one of its badges for a regional competence and level. */
export async function submitRegistration(
  ctx: AppContext,
  options: { caller: Caller; input: RegistrationInput },
) {
  const { caller, input } = options;
  const { user } = caller;
  const org = await loadPartner(ctx, caller.principal, input.organisationId);
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
      issuerIri: claim.code === "REGISTRATION_DOCUMENT_INVALID" ? texts.issuerUnnamed : "",
    });
  const { issuerIri } = claim;
  const issuerProof: IssuerProof = claim.needsProof
    ? await proveIssuer(ctx, org.id, { issuerIri, badgeClassIri: badge.iri }, input.proof)
    : { kind: "blason" };
  const staff = await managers(ctx.db);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertRegistration(tx, {
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
      });
      await appendAudit(tx, {
        actor: actorOf(user),
        action: "registration.submitted",
        targetType: "partner_registration",
        targetId: row.id,
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
            url: registrationUrl(ctx, row.id),
          },
        });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("REGISTRATION_DUPLICATE");
    throw error;
  }
}

export const registrationUrl = (ctx: AppContext, id: string) =>
  `${ctx.config.publicUrl}/partenaires/badges/${id}`;

export async function readableRegistration(ctx: AppContext, principal: Principal, id: string) {
  const found = await findRegistration(ctx.db, id);
  if (!found) throw new AppError("NOT_FOUND");
  authorize(
    principal,
    "partner.registrations.read",
    { org: found.org },
    "partner.registrations.read",
  );
  return found;
}

/** A registration with its dialogue. */
export async function getRegistration(ctx: AppContext, options: { caller: Reader; id: string }) {
  const found = await readableRegistration(ctx, options.caller.principal, options.id);
  const messages = await listMessages(ctx.db, { kind: "registration", id: options.id });
  return { ...found, messages };
}

/** Partners see their own registrations; managers see every one. */
export async function listRegistrations(
  ctx: AppContext,
  options: {
    caller: Reader;
    organisationId?: string | undefined;
    state?: RegistrationState | undefined;
  },
) {
  const { principal } = options.caller;
  if (!principal) throw new AppError("UNAUTHENTICATED");
  const manager = can(principal, "partner.registrations.decide");
  const mine = principal.memberships.map((m) => m.organisationId);
  const rows = await listRegistrationRows(ctx.db);
  return rows.filter(
    (r) =>
      (manager || mine.includes(r.org.id)) &&
      (!options.organisationId || r.org.id === options.organisationId) &&
      (!options.state || r.registration.state === options.state),
  );
}

/** The dialogue: the partner and the Region, each told of the other's message. */
export async function postRegistrationMessage(
  ctx: AppContext,
  options: { caller: Caller; id: string; body: string },
) {
  const { caller, id } = options;
  const { user } = caller;
  const found = await readableRegistration(ctx, caller.principal, id);
  const role = can(caller.principal, "partner.registrations.manage", { org: found.org })
    ? "partner"
    : "manager";
  const staff = role === "partner" ? await managers(ctx.db) : [];
  await postMessage(ctx, {
    author: user,
    thread: { kind: "registration", id },
    authorName: role === "partner" ? `${user.name} (${found.org.name})` : user.name,
    authorRole: role,
    body: options.body,
    notify: async () => ({
      recipients:
        role === "partner"
          ? staff.map((s) => ({ email: s.email, locale: s.locale }))
          : [{ email: found.org.contactEmail, locale: "fr" }],
      template: (excerpt) => ({
        name: "registration_message",
        organisation: found.org.name,
        badge: found.registration.name,
        author: role === "partner" ? found.org.name : REGION_IN_EMAIL,
        excerpt,
        url: registrationUrl(ctx, id),
      }),
    }),
  });
}
