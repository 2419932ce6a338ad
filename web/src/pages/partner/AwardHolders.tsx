import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import type { Award } from "../../api/partners";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";

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
      <DataTable<Award>
        caption={holdersText}
        captionHidden
        framed={false}
        rows={awards}
        rowKey={(a) => a.id}
        pageSize={20}
        columns={[
          {
            key: "email",
            header: t("partner.email"),
            sortValue: (a) => a.email,
            cell: (a) => <Link to={sameOriginPath(a.url)}>{a.email}</Link>,
          },
          {
            key: "issuedAt",
            header: t("partner.issuedAt"),
            sortValue: (a) => a.issuedAt,
            cell: (a) => formatDate(a.issuedAt, i18n.language),
          },
          {
            key: "status",
            header: t("partner.status"),
            sortValue: (a) => a.status,
            cell: (a) => t(`credential.status.${a.status}`, { defaultValue: a.status }),
          },
          {
            key: "actions",
            header: t("partner.actions"),
            cell: (a) =>
              a.status === "revoked" ? null : (
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
              ),
          },
        ]}
      />
    </details>
  );
}
