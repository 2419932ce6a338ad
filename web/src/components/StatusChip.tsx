import { useTranslation } from "react-i18next";
import { Chip } from "./Chip";

/** What a badge is now, as a viewer reads it (Blason's own and any verified badge). */
export type BadgeStatus =
  | "valid"
  | "expired"
  | "revoked"
  | "suspended"
  | "pending_start"
  | "unverified";

const TONE: Record<BadgeStatus, "ok" | "warning" | "danger"> = {
  valid: "ok",
  pending_start: "warning",
  expired: "danger",
  suspended: "danger",
  revoked: "danger",
  unverified: "danger",
};

/** The status as a word and a colour, never the colour alone. */
export function StatusChip({ status }: { status: BadgeStatus }) {
  const { t } = useTranslation();
  return (
    <Chip tone={TONE[status]}>
      <span aria-hidden="true">{status === "valid" ? "✓ " : "! "}</span>
      {t(`credential.status.${status}`)}
    </Chip>
  );
}
