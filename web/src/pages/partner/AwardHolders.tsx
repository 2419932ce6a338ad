import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Award } from "../../api/partners";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";
import { pathOf } from "../urls";

/** Who holds a badge, folded under the count; each award not revoked may be revoked, with a reason. */
export function AwardHolders({
  awards,
  error,
  onRevoke,
}: {
  awards: Award[];
  error: unknown;
  onRevoke: (id: string, reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // Holders are the awards not revoked, as the card's count and the public figures count them.
  const revokedCount = awards.filter((a) => a.status === "revoked").length;
  const holdersText = [
    t("partner.holders", { count: awards.length - revokedCount }),
    ...(revokedCount ? [t("partner.revokedCount", { count: revokedCount })] : []),
  ].join(" · ");
  return (
    <details>
      <summary>{holdersText}</summary>
      <FormError error={error} />
      <table>
        <caption className="visually-hidden">{holdersText}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partner.email")}</th>
            <th scope="col">{t("partner.issuedAt")}</th>
            <th scope="col">{t("partner.status")}</th>
            <th scope="col">{t("partner.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {awards.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={pathOf(a.url)}>{a.email}</Link>
              </td>
              <td>{formatDate(a.issuedAt, i18n.language)}</td>
              <td>{t(`credential.status.${a.status}`, { defaultValue: a.status })}</td>
              <td>
                {a.status === "revoked" ? null : (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      const reason = window.prompt(t("partner.revokeReason"));
                      if (reason) onRevoke(a.id, reason);
                    }}
                  >
                    {t("partner.revoke")}
                    <span className="visually-hidden"> — {a.email}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
