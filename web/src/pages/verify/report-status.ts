import type { VerificationReport } from "../../api/verify";
import type { BadgeStatus } from "../../components/StatusChip";

/** The failed steps that say what the badge is now, by their stable codes. */
const STATUS_OF_CODE: Record<string, BadgeStatus> = {
  REVOKED: "revoked",
  SUSPENDED: "suspended",
  EXPIRED: "expired",
  NOT_YET_VALID: "pending_start",
};

/**
 * What the badge is now, in words: revoked, suspended, expired or not yet
 * valid (several may hold), unverified when anything else failed, else valid.
 */
export function badgeStatuses(report: VerificationReport): BadgeStatus[] {
  if (report.verified) return ["valid"];
  const failed = report.steps.filter((s) => s.status === "failed");
  const said = failed.map((s) => STATUS_OF_CODE[String(s.details?.code)]);
  const known = [...new Set(said.filter((s): s is BadgeStatus => !!s))];
  return said.includes(undefined) || known.length === 0 ? [...known, "unverified"] : known;
}

/**
 * A badge's image, shown only from a data: image or an https address, and
 * only in an <img>: an SVG there runs no script (never inline it).
 */
export function displayableImage(src: string | undefined): string | undefined {
  if (!src) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(src)) return src;
  return src.startsWith("https://") && URL.canParse(src) ? src : undefined;
}
