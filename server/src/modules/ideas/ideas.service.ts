import { and, desc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context";
import { badgeIdeas, collections, organisations, programmes } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { listUsersWithRole, type UserRow } from "../auth/auth.repo";
import { addBadgeIn, createDraftIn } from "../catalogue/catalogue.admin.service";
import { queueEmail } from "../email/mailer";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import { authorize, can, type Principal } from "../policy/policy";

const LABEL_PROGRAMME = "label-cfa";

const loadCfa = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, principal, organisationId, "idea.propose", "cfa", "IDEA_NOT_CFA");

/** A CFA proposes a badge the collection lacks; the Region's managers hear of it. */
export async function proposeIdea(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  input: { title: string; description: string },
) {
  const org = await loadCfa(ctx, principal, organisationId);
  const managers = await listUsersWithRole(ctx.db, "programme_manager");
  return ctx.db.transaction(async (tx) => {
    const [idea] = await tx
      .insert(badgeIdeas)
      .values({ organisationId: org.id, authorId: user.id, ...input })
      .returning();
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "idea.proposed",
      targetType: "badge_idea",
      targetId: idea!.id,
      data: { organisation: org.name, title: input.title },
    });
    for (const manager of managers)
      await queueEmail(tx, {
        to: manager.email,
        locale: manager.locale === "en" ? "en" : "fr",
        template: {
          name: "idea_proposed",
          organisation: org.name,
          title: input.title,
          url: `${ctx.config.publicUrl}/idees`,
        },
      });
    return idea!;
  });
}

/** A CFA's staff see its ideas; managers see every one. */
export async function listIdeas(ctx: AppContext, principal: Principal) {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  const all = can(principal, "idea.answer");
  const mine = principal.memberships.map((m) => m.organisationId);
  if (!all && mine.length === 0) return [];
  const base = ctx.db
    .select({ idea: badgeIdeas, org: organisations })
    .from(badgeIdeas)
    .innerJoin(organisations, eq(organisations.id, badgeIdeas.organisationId));
  return (all ? base : base.where(inArray(badgeIdeas.organisationId, mine))).orderBy(
    desc(badgeIdeas.createdAt),
  );
}

async function loadIdea(ctx: AppContext, principal: Principal, id: string) {
  authorize(principal, "idea.answer");
  const [found] = await ctx.db
    .select({ idea: badgeIdeas, org: organisations })
    .from(badgeIdeas)
    .innerJoin(organisations, eq(organisations.id, badgeIdeas.organisationId))
    .where(eq(badgeIdeas.id, id));
  if (!found) throw new AppError("NOT_FOUND");
  if (found.idea.state === "adopted" || found.idea.state === "declined")
    throw new AppError("IDEA_ALREADY_DECIDED");
  return found;
}

/**
 * A manager answers: a reply (the idea stays open), a decline, or an
 * adoption, which adds the idea as a badge of the programme's draft
 * collection (started from the collection in force if there is none).
 */
export async function answerIdea(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  input: { outcome: "answered" | "declined" | "adopted"; answer: string },
) {
  const found = await loadIdea(ctx, principal, id);
  const actor = actorOf(user);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    let badgeClassId: string | null = null;
    if (input.outcome === "adopted") {
      const [programme] = await tx
        .select()
        .from(programmes)
        .where(eq(programmes.slug, LABEL_PROGRAMME));
      if (!programme) throw new AppError("NOT_FOUND");
      const [existing] = await tx
        .select()
        .from(collections)
        .where(and(eq(collections.programmeId, programme.id), eq(collections.status, "draft")));
      const taken = new Set(
        (
          await tx
            .select({ version: collections.version })
            .from(collections)
            .where(eq(collections.programmeId, programme.id))
        ).map((c) => c.version),
      );
      // The next year after the newest numbered version (or next year), never one taken.
      const newest = Math.max(
        now.getUTCFullYear(),
        ...[...taken].map((v) => Number(v)).filter((n) => Number.isInteger(n) && n < 3000),
      );
      let version = String(newest + 1);
      for (let n = 2; taken.has(version); n++) version = `${newest + 1}-${n}`;
      const draft =
        existing ??
        (await createDraftIn(tx, programme.id, actor, {
          version,
          name: `${programme.name} — brouillon ${version}`,
        }));
      const slugBase =
        found.idea.title
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 60) || "idee";
      const badge = await addBadgeIn(tx, actor, draft.id, {
        slug: `${slugBase}-${found.idea.id.slice(0, 6)}`,
        name: found.idea.title,
        recognises: found.idea.description,
        criteria: [
          {
            statement: "Critère à écrire par la Région à partir de l'idée du CFA.",
            evidence: ["Preuve à préciser"],
          },
        ],
        required: false,
        validityMonths: 48,
        renewalExtra: null,
        alignments: [],
        color: "#1d6b3a",
      });
      badgeClassId = badge.id;
    }
    await tx
      .update(badgeIdeas)
      .set({
        state: input.outcome,
        answer: input.answer,
        answeredBy: user.id,
        answeredAt: now,
        ...(badgeClassId ? { badgeClassId } : {}),
      })
      .where(eq(badgeIdeas.id, id));
    await appendAudit(tx, {
      actor,
      action: `idea.${input.outcome}`,
      targetType: "badge_idea",
      targetId: id,
      data: { organisation: found.org.name, title: found.idea.title },
    });
    await queueEmail(tx, {
      to: found.org.contactEmail,
      locale: "fr",
      template: {
        name: "idea_answered",
        organisation: found.org.name,
        title: found.idea.title,
        outcome: input.outcome,
        answer: input.answer,
        url: `${ctx.config.publicUrl}/idees`,
      },
    });
  });
}
