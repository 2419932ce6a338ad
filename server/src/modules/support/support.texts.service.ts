import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { authorize, type Caller } from "../policy/policy";
import { listProgrammeTexts, supportFigures, updateProgrammeText } from "./support.repo";

/** Requests per month and the median time to the adviser's first answer. */
export async function readSupportFigures(ctx: AppContext, { caller }: { caller: Caller }) {
  authorize(caller.principal, "support.manage");
  return supportFigures(ctx.db);
}

/** The programme's contacts and texts (its mailbox, the help pages): public, as every page shows them. */
export const readProgrammeTexts = (ctx: AppContext) => listProgrammeTexts(ctx.db);

export async function editProgrammeText(
  ctx: AppContext,
  { caller, key, fr, en }: { caller: Caller; key: string; fr: string; en: string },
) {
  authorize(caller.principal, "programme.texts.edit");
  await ctx.db.transaction(async (tx) => {
    if (!(await updateProgrammeText(tx, { key, fr, en, updatedBy: caller.user.id })))
      throw new AppError("PROGRAMME_TEXT_UNKNOWN");
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "programme.text.updated",
      targetType: "programme_text",
      targetId: key,
      data: { key, fr, en },
    });
  });
}
