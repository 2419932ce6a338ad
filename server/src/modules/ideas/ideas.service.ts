import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { listUsersWithRole } from "../auth/auth.repo";
import { addBadgeIn, createDraftIn } from "../catalogue/catalogue.admin.service";
import { queueEmail } from "../email/mailer";
import { loadOrganisationFor } from "../organisations/organisations.service";
import { authorize, type Caller, can, type Principal } from "../policy/policy";
import { adoptedIdeaTexts } from "./ideas.messages";
import {
  findIdeaWithOrganisation,
  findProgrammeDraft,
  insertIdea,
  listIdeasWithOrganisation,
  updateIdea,
} from "./ideas.repo";

const LABEL_PROGRAMME = "label-cfa";

const loadCfa = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, {
    principal,
    id: organisationId,
    action: "idea.propose",
    kind: "cfa",
    wrongKind: "IDEA_NOT_CFA",
  });

/** A CFA proposes a badge the collection lacks; the Region's managers hear of it. */
export async function proposeIdea(
  ctx: AppContext,
  {
    caller,
    organisationId,
    input,
  }: {
    caller: Caller;
    organisationId: string;
    input: { title: string; description: string };
  },
) {
  const org = await loadCfa(ctx, caller.principal, organisationId);
  const managers = await listUsersWithRole(ctx.db, "programme_manager");
  return ctx.db.transaction(async (tx) => {
    const idea = await insertIdea(tx, {
      organisationId: org.id,
      authorId: caller.user.id,
      ...input,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "idea.proposed",
      targetType: "badge_idea",
      targetId: idea.id,
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
    return idea;
  });
}

/** A CFA's staff see its ideas; managers see every one. */
export async function listIdeas(ctx: AppContext, principal: Principal) {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  const all = can(principal, "idea.answer");
  const mine = principal.memberships.map((m) => m.organisationId);
  if (!all && mine.length === 0) return [];
  return listIdeasWithOrganisation(ctx.db, all ? {} : { organisationIds: mine });
}

async function loadIdea(ctx: AppContext, principal: Principal, id: string) {
  authorize(principal, "idea.answer");
  const found = await findIdeaWithOrganisation(ctx.db, id);
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
  {
    caller,
    id,
    input,
  }: {
    caller: Caller;
    id: string;
    input: { outcome: "answered" | "declined" | "adopted"; answer: string };
  },
) {
  const found = await loadIdea(ctx, caller.principal, id);
  const actor = actorOf(caller.user);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    let badgeClassId: string | null = null;
    if (input.outcome === "adopted") {
      const programmeDraft = await findProgrammeDraft(tx, LABEL_PROGRAMME);
      if (!programmeDraft) throw new AppError("NOT_FOUND");
      const { programme, draft: existing } = programmeDraft;
      const taken = new Set(programmeDraft.versions);
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
          name: adoptedIdeaTexts.draftName(programme.name, version),
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
            statement: adoptedIdeaTexts.criterion,
            evidence: [adoptedIdeaTexts.evidence],
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
    await updateIdea(tx, id, {
      state: input.outcome,
      answer: input.answer,
      answeredBy: caller.user.id,
      answeredAt: now,
      ...(badgeClassId ? { badgeClassId } : {}),
    });
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
