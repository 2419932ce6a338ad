import {
  type EndorsementCheck,
  type EndorsementOutcome,
  finish,
  type Reason,
  r,
  type Step,
  type VerificationReport,
} from "./report";
import { asArray, type Context, idOf, obj, str } from "./util";

/** Endorsements checked per credential; any beyond are reported unverifiable, unchecked. */
export const MAX_ENDORSEMENTS = 10;

type VerifyOne = (doc: Record<string, unknown>, context: Context) => Promise<VerificationReport>;
/** verifyOb3's shape, given by its caller (this file does not import it: no cycle). */
type VerifyOb3 = (
  doc: Record<string, unknown>,
  source: VerificationReport["source"],
  parseStep: Step,
  context: Context,
) => Promise<VerificationReport>;

function embedded(credential: Record<string, unknown>) {
  const subject = obj(asArray(credential.credentialSubject)[0]);
  const achievement = obj(subject?.achievement);
  const issuer = obj(credential.issuer);
  return [
    ...asArray(achievement?.endorsement).map((e) => ({
      doc: e,
      of: "achievement" as const,
      expected: str(achievement?.id),
    })),
    ...asArray(issuer?.endorsement).map((e) => ({
      doc: e,
      of: "issuer" as const,
      expected: str(issuer?.id),
    })),
  ];
}

const outcomeReason: Record<EndorsementOutcome, Reason> = {
  valid: r("L'approbation est valide.", "The endorsement is valid."),
  revoked: r(
    "L'approbation a été retirée par son auteur.",
    "The endorsement was withdrawn by its endorser.",
  ),
  unverifiable: r(
    "L'approbation n'a pas pu être vérifiée.",
    "The endorsement could not be verified.",
  ),
};

async function checkOne(
  item: ReturnType<typeof embedded>[number],
  index: number,
  context: Context,
  verify: VerifyOne,
): Promise<EndorsementCheck> {
  const doc = obj(item.doc);
  const subject = obj(asArray(doc?.credentialSubject)[0]);
  const base = {
    of: item.of,
    ...(str(doc?.id) ? { id: str(doc?.id) } : {}),
    ...(idOf(doc?.issuer) ? { endorserId: idOf(doc?.issuer) } : {}),
    ...(str(obj(doc?.issuer)?.name) ? { endorserName: str(obj(doc?.issuer)?.name) } : {}),
    ...(str(subject?.endorsementComment) ? { comment: str(subject?.endorsementComment) } : {}),
  };
  if (!doc || index >= MAX_ENDORSEMENTS)
    return { ...base, outcome: "unverifiable", reason: outcomeReason.unverifiable, steps: [] };
  const report = await verify(doc, { ...context, nested: true });
  const revoked = report.steps.some(
    (s) => s.id === "status" && s.status === "failed" && s.details?.code === "REVOKED",
  );
  const aboutIt = !!item.expected && str(subject?.id) === item.expected;
  const outcome: EndorsementOutcome = revoked
    ? "revoked"
    : report.verified && aboutIt
      ? "valid"
      : "unverifiable";
  const reason =
    outcome === "unverifiable" && report.verified && !aboutIt
      ? r(
          "L'approbation porte sur autre chose que ce badge.",
          "The endorsement is about something other than this badge.",
        )
      : outcomeReason[outcome];
  return { ...base, outcome, reason, steps: report.steps };
}

/**
 * The endorsements a credential embeds, each verified as a credential of its
 * own. Their faults are theirs: the step that sums them up only warns.
 */
export async function checkEndorsements(
  credential: Record<string, unknown>,
  context: Context,
  verify: VerifyOne,
): Promise<{ step: Step; endorsements: EndorsementCheck[] } | undefined> {
  if (context.nested) return undefined;
  const items = embedded(credential);
  if (items.length === 0) return undefined;
  const endorsements: EndorsementCheck[] = [];
  for (const [index, item] of items.entries())
    endorsements.push(await checkOne(item, index, context, verify));
  const valid = endorsements.filter((e) => e.outcome === "valid").length;
  const all = endorsements.length;
  const step: Step =
    valid === all
      ? {
          id: "endorsements",
          status: "passed",
          reason: r(
            `${all} approbation${all > 1 ? "s" : ""} valide${all > 1 ? "s" : ""}.`,
            `${all} valid endorsement${all > 1 ? "s" : ""}.`,
          ),
          details: { valid, total: all },
        }
      : {
          id: "endorsements",
          status: "warning",
          reason: r(
            `${valid} approbation(s) valide(s) sur ${all} : le badge n'en dépend pas.`,
            `${valid} of ${all} endorsement(s) valid: the badge does not depend on them.`,
          ),
          details: { valid, total: all },
        };
  return { step, endorsements };
}

/** The report of a credential, with its endorsements' step and section when it embeds any. */
export async function withEndorsements(
  report: Omit<VerificationReport, "verified">,
  context: Context,
  verifyOb3: VerifyOb3,
): Promise<VerificationReport> {
  // The same parse step: an embedded endorsement was read with its badge.
  const [parseStep] = report.steps;
  const verify: VerifyOne = (doc, inner) => verifyOb3(doc, report.source, parseStep!, inner);
  // A nested endorsement is no one's badge: it has no holder to match.
  if (context.nested)
    return finish({ ...report, steps: report.steps.filter((s) => s.id !== "recipient_match") });
  const endorsed = await checkEndorsements(report.credential ?? {}, context, verify);
  if (!endorsed) return finish(report);
  return finish({
    ...report,
    steps: [...report.steps, endorsed.step],
    endorsements: endorsed.endorsements,
  });
}
