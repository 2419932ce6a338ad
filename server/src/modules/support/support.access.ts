import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { queueEmail } from "../email/mailer";
import type { SupportUpdateKind } from "../email/templates/support-update";
import { type Caller, can } from "../policy/policy";
import { findSupportRequest } from "./support.repo";
import type { SupportSide } from "./support.rules";

export type LoadedRequest = NonNullable<Awaited<ReturnType<typeof findSupportRequest>>>;

/** How the caller takes part in the request, or null when they may not even know of it. */
export function sideOf(caller: Caller, { asker, adviser }: LoadedRequest): SupportSide | null {
  if (can(caller.principal, "support.ask", { org: asker })) return "asker";
  if (adviser && can(caller.principal, "support.advise", { org: adviser })) return "adviser";
  if (can(caller.principal, "support.manage")) return "manager";
  return null;
}

/** The request and the caller's side; NOT_FOUND for anyone outside it, so ids cannot be probed. */
export async function loadRequestFor(ctx: AppContext, caller: Caller, id: string) {
  const found = await findSupportRequest(ctx.db, id);
  const side = found ? sideOf(caller, found) : null;
  if (!found || !side) throw new AppError("NOT_FOUND");
  return { found, side };
}

export const requestUrl = (ctx: AppContext, id: string) =>
  `${ctx.config.publicUrl}/conseil#support-${id}`;

/** Tells one organisation's shared mailbox what happened, in the same transaction. */
export async function tellOrganisation(
  ctx: AppContext,
  tx: Queryable,
  options: {
    to: { contactEmail: string };
    kind: SupportUpdateKind;
    requestId: string;
    organisation: string;
    from: string;
    detail: string;
  },
) {
  await queueEmail(tx, {
    to: options.to.contactEmail,
    locale: "fr",
    template: {
      name: "support_update",
      kind: options.kind,
      organisation: options.organisation,
      from: options.from,
      detail: options.detail,
      url: requestUrl(ctx, options.requestId),
    },
  });
}
