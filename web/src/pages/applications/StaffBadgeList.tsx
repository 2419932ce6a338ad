import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../api/applications";
import { Button } from "../../components/Button";
import { Chip } from "../../components/Chip";

/** Staff badges given as evidence: each says whether the engine verified it, and if not, why. */
export function StaffBadgeList({
  detail,
  criterion,
  onRemove,
}: {
  detail: ApplicationDetail;
  criterion: string;
  onRemove?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  const badges = detail.staffBadges.filter((b) => b.criterion === criterion);
  if (!badges.length) return null;
  return (
    <ul className="staff-badges">
      {badges.map((b) => (
        <li key={b.id} className={b.verified ? "staff-badge--ok" : "staff-badge--failed"}>
          <Chip tone={b.verified ? "ok" : "danger"}>
            <span aria-hidden="true">{b.verified ? "✓ " : "✗ "}</span>
            {b.verified
              ? t("applications.staffBadge.verified")
              : t("applications.staffBadge.failed")}
          </Chip>{" "}
          <strong>{b.badgeName ?? t("applications.staffBadge.unnamed")}</strong>
          {b.issuerName ? ` — ${b.issuerName}` : ""} · {b.holderName}
          {!b.verified && b.problems.length ? (
            <ul>
              {b.problems.map((p) => (
                <li key={p.fr}>{en ? p.en : p.fr}</li>
              ))}
            </ul>
          ) : null}
          {onRemove ? (
            <>
              {" "}
              <Button variant="link" onClick={() => onRemove(b.id)}>
                {t("applications.staffBadge.remove", { name: b.badgeName ?? b.holderName })}
              </Button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
