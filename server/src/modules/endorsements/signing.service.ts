import { buildEndorsementCredential, statusEntry } from "@blason/openbadges";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { verifyInWorkers } from "../../lib/verify";
import { actorOf } from "../audit/actor";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { forgetPublicBadges } from "../catalogue/catalogue.repo";
import { countStatusPosition } from "../credentials/credentials.repo";
import { activeIssuerKey, issuerProfile } from "../credentials/issuer.service";
import {
  allocateStatus,
  forgetStatusLists,
  statusListUrl,
} from "../credentials/status-lists.service";
import type { Caller } from "../policy/policy";
import { endorsedOf, endorsementUrl } from "./endorsements.present";
import {
  type EndorsementWithParts,
  publishEndorsement,
  withdrawEndorsement,
} from "./endorsements.repo";
import { uploadMismatch } from "./endorsements.rules";
import { loadEndorsementFor, loadInvitation } from "./endorsements.service";

const requireInvited = (found: EndorsementWithParts) => {
  if (found.endorsement.state !== "invited") throw new AppError("ENDORSEMENT_NOT_OPEN");
};

/**
 * The endorsing organisation's admin signs on Blason: an EndorsementCredential
 * (eddsa-rdfc-2022, proof as a list) with the organisation's own key, its
 * status in the organisation's revocation list.
 */
export async function signEndorsement(
  ctx: AppContext,
  { caller, id, statement }: { caller: Caller; id: string; statement: string },
) {
  const found = await loadEndorsementFor(ctx, { caller, id, action: "endorsement.sign" });
  const endorser = found.endorser;
  if (!endorser) throw new AppError("ENDORSEMENT_SIGNER_EXTERNAL");
  requireInvited(found);
  const key = await activeIssuerKey(ctx, endorser);
  const endorsed = endorsedOf(ctx.config, found);
  await ctx.db.transaction(async (tx) => {
    const status = await allocateStatus(tx, endorser, "revocation");
    const unsigned = buildEndorsementCredential({
      id: endorsementUrl(ctx.config, id),
      issuer: issuerProfile(ctx.config, endorser),
      subjectId: endorsed.id,
      comment: statement,
      name: `${endorser.name} : ${endorsed.name}`,
      validFrom: new Date(),
      credentialStatus: statusEntry({
        listUrl: statusListUrl(ctx.config, status.listId),
        index: status.index,
        purpose: "revocation",
      }),
    });
    const document = (await ctx.workers.sign(unsigned, { key, date: new Date() })) as Record<
      string,
      unknown
    >;
    const row = await publishEndorsement(tx, id, {
      statement,
      document,
      statusList: status.listId,
      statusIndex: status.index,
    });
    if (!row) throw new AppError("ENDORSEMENT_NOT_OPEN");
    await countStatusPosition(tx, status.listId);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "endorsement.signed",
      targetType: "endorsement",
      targetId: id,
      data: { endorser: endorser.name, endorsed: endorsed.name },
    });
  });
  forgetPublicBadges();
}

/**
 * An external endorser uploads an EndorsementCredential its own platform
 * signed: it must verify, be issued by the invited issuer and be about what
 * is endorsed. Its status stays on that platform's list.
 */
export async function uploadEndorsement(
  ctx: AppContext,
  { token, document }: { token: string; document: Record<string, unknown> },
) {
  const found = await loadInvitation(ctx, token);
  requireInvited(found);
  const endorsed = endorsedOf(ctx.config, found);
  const report = await verifyInWorkers(ctx, document);
  if (!report.verified) throw new AppError("ENDORSEMENT_UPLOAD_INVALID");
  const problem = uploadMismatch(document, {
    issuerId: found.endorsement.externalIssuerId ?? "",
    subjectId: endorsed.id,
  });
  if (problem) throw new AppError("ENDORSEMENT_UPLOAD_MISMATCH", { document: problem });
  const subject = document.credentialSubject as { endorsementComment?: unknown };
  const statement =
    typeof subject.endorsementComment === "string" ? subject.endorsementComment : "";
  await ctx.db.transaction(async (tx) => {
    const row = await publishEndorsement(tx, found.endorsement.id, {
      statement,
      document,
      statusList: null,
      statusIndex: null,
    });
    if (!row) throw new AppError("ENDORSEMENT_NOT_OPEN");
    await appendAudit(tx, {
      actor: { kind: "system", label: found.endorsement.endorserName },
      action: "endorsement.uploaded",
      targetType: "endorsement",
      targetId: row.id,
      data: { endorser: row.endorserName, endorsed: endorsed.name },
    });
  });
  forgetPublicBadges();
}

async function withdraw(ctx: AppContext, found: EndorsementWithParts, actor: Actor) {
  await ctx.db.transaction(async (tx) => {
    const row = await withdrawEndorsement(tx, found.endorsement.id);
    if (!row) throw new AppError("ENDORSEMENT_NOT_PUBLISHED");
    await appendAudit(tx, {
      actor,
      action: "endorsement.withdrawn",
      targetType: "endorsement",
      targetId: row.id,
      data: { endorser: row.endorserName },
    });
  });
  // Its entry in the endorser's list now reads revoked; its badge's page no longer lists it.
  forgetStatusLists();
  forgetPublicBadges();
}

/** The endorser's admin, or a manager, withdraws a published endorsement. */
export async function withdrawEndorsementAs(
  ctx: AppContext,
  { caller, id }: { caller: Caller; id: string },
) {
  const found = await loadEndorsementFor(ctx, { caller, id, action: "endorsement.withdraw" });
  await withdraw(ctx, found, actorOf(caller.user));
}

/** An external endorser withdraws through its invitation link. */
export async function withdrawByInvitation(ctx: AppContext, { token }: { token: string }) {
  const found = await loadInvitation(ctx, token);
  await withdraw(ctx, found, { kind: "system", label: found.endorsement.endorserName });
}
