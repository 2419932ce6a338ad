import type { AppContext } from "../../context";
import { uniqueViolation } from "../../db/errors";
import type { OrgKind } from "../../db/schema";
import { AppError, type ErrorCode } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { type Action, authorize, type Caller, can, type Principal } from "../policy/policy";
import { checkSiret, checkUai, normaliseSiret, normaliseUai } from "./identifiers";
import { identifierProblems } from "./organisations.messages";
import * as repo from "./organisations.repo";

export const INVITATION_DAYS = 7;

export type OrganisationInput = {
  name: string;
  kind: OrgKind;
  parentId?: string | null | undefined;
  siret?: string | null | undefined;
  uai?: string | null | undefined;
  contactEmail: string;
  city?: string | null | undefined;
  website?: string | null | undefined;
};

/** Other modules take `actorOf` from here; it lives with the audit log. */
export { actorOf };

export function slugify(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "organisation"
  );
}

function normaliseIdentifiers(input: {
  siret?: string | null | undefined;
  uai?: string | null | undefined;
}) {
  const fields: Record<string, string> = {};
  const siret = input.siret ? normaliseSiret(input.siret) : input.siret;
  const uai = input.uai ? normaliseUai(input.uai) : input.uai;
  const siretProblem = siret ? checkSiret(siret) : null;
  if (siretProblem) fields.siret = identifierProblems.siret[siretProblem];
  const uaiProblem = uai ? checkUai(uai) : null;
  if (uaiProblem) fields.uai = identifierProblems.uai[uaiProblem];
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", fields);
  return { siret, uai };
}

function mapUniqueError(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint === "organisations_siret_key") throw new AppError("SIRET_TAKEN", { siret: "" });
  if (constraint === "organisations_uai_key") throw new AppError("UAI_TAKEN", { uai: "" });
  throw error;
}

async function uniqueSlug(ctx: AppContext, name: string) {
  const base = slugify(name);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await repo.slugTaken(ctx.db, slug))) return slug;
  }
}

async function checkParent(ctx: AppContext, kind: OrgKind, parentId: string | null | undefined) {
  if (kind !== "ufa") {
    if (parentId) throw new AppError("PARENT_INVALID", { parentId: "" });
    return null;
  }
  const parent = parentId ? await repo.findOrganisation(ctx.db, parentId) : undefined;
  if (parent?.kind !== "cfa") throw new AppError("PARENT_INVALID", { parentId: "" });
  return parent.id;
}

export async function createOrganisation(
  ctx: AppContext,
  { caller, input }: { caller: Caller; input: OrganisationInput },
) {
  authorize(caller.principal, "organisation.create");
  const ids = normaliseIdentifiers(input);
  const parentId = await checkParent(ctx, input.kind, input.parentId);
  const slug = await uniqueSlug(ctx, input.name);
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await repo.insertOrganisation(tx, {
        ...input,
        ...ids,
        parentId,
        slug,
        contactEmail: input.contactEmail.toLowerCase(),
      });
      await appendAudit(tx, {
        actor: actorOf(caller.user),
        action: "organisation.created",
        targetType: "organisation",
        targetId: org.id,
        data: {
          name: org.name,
          kind: org.kind,
          siret: org.siret,
          uai: org.uai,
          parentId: org.parentId,
        },
      });
      return org;
    });
  } catch (error) {
    mapUniqueError(error);
  }
}

/**
 * The organisation an action is about, for someone allowed to take it:
 * NOT_FOUND to those who may not even see it, FORBIDDEN to those who see it
 * but may not act, then `wrongKind` when the action is not for its kind.
 */
export async function loadOrganisationFor(
  ctx: AppContext,
  {
    principal,
    id,
    action,
    kind,
    wrongKind,
  }: { principal: Principal; id: string; action: Action; kind: OrgKind; wrongKind: ErrorCode },
) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw new AppError("NOT_FOUND");
  authorize(principal, action, { org }, "organisation.read");
  if (org.kind !== kind) throw new AppError(wrongKind);
  return org;
}

export async function loadReadableOrganisation(ctx: AppContext, principal: Principal, id: string) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw new AppError(principal ? "NOT_FOUND" : "UNAUTHENTICATED");
  authorize(principal, "organisation.read", { org }, "organisation.read");
  return org;
}

export async function describeOrganisation(
  ctx: AppContext,
  principal: NonNullable<Principal>,
  org: repo.OrganisationRow,
) {
  const [parent, children] = await Promise.all([
    org.parentId ? repo.findOrganisation(ctx.db, org.parentId) : undefined,
    repo.listChildren(ctx.db, org.id),
  ]);
  const myRole = principal.memberships.find((m) => m.organisationId === org.id)?.role ?? null;
  return {
    org,
    parent: parent ?? null,
    children,
    myRole,
    can: {
      manageMembers: can(principal, "organisation.members.manage", { org }),
      edit: can(principal, "organisation.update", { org }),
    },
  };
}

export async function updateOrganisation(
  ctx: AppContext,
  {
    caller,
    id,
    input,
  }: { caller: Caller; id: string; input: Partial<Omit<OrganisationInput, "kind" | "parentId">> },
) {
  const org = await loadReadableOrganisation(ctx, caller.principal, id);
  authorize(caller.principal, "organisation.update", { org }, "organisation.read");
  const ids = normaliseIdentifiers(input);
  const values = {
    ...input,
    ...(input.siret !== undefined ? { siret: ids.siret } : {}),
    ...(input.uai !== undefined ? { uai: ids.uai } : {}),
    ...(input.contactEmail ? { contactEmail: input.contactEmail.toLowerCase() } : {}),
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await repo.updateOrganisationRow(tx, org.id, values);
      await appendAudit(tx, {
        actor: actorOf(caller.user),
        action: "organisation.updated",
        targetType: "organisation",
        targetId: org.id,
        data: values,
      });
      return updated!;
    });
  } catch (error) {
    mapUniqueError(error);
  }
}

export async function listOrganisationsFor(
  ctx: AppContext,
  principal: Principal,
  filter: { kind?: string | undefined; q?: string | undefined },
) {
  authorize(principal, "organisation.list");
  const staff = principal.platformRoles.some(
    (r) => r === "programme_manager" || r === "platform_admin" || r === "reviewer",
  );
  return repo.listOrganisations(ctx.db, {
    ...filter,
    visibleTo: staff ? undefined : principal.memberships.map((m) => m.organisationId),
  });
}
