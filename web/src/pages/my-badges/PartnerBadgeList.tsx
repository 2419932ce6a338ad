import { useTranslation } from "react-i18next";
import type { MyBadges } from "../../api/competences";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
import { formatDate } from "../../i18n";

/** The partner badges the person handed in, each saying whether it counts, and why not. */
export function PartnerBadgeList({ data }: { data: MyBadges | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="partner-title">
      <h2 id="partner-title">
        {t("myBadges.partner", { count: data?.partnerBadges.length ?? 0 })}
      </h2>
      {data?.partnerBadges.length === 0 ? <p className="empty">{t("myBadges.noPartner")}</p> : null}
      <ul className="plain">
        {data?.partnerBadges.map((b) => (
          <Card as="li" key={b.id}>
            <p>
              <Chip tone={b.counts ? "ok" : "warning"}>
                <span aria-hidden="true">{b.counts ? "✓ " : "! "}</span>
                {b.counts ? t("myBadges.countsShort") : t("myBadges.notCountsShort")}
              </Chip>{" "}
              <strong>{b.name ?? t("applications.staffBadge.unnamed")}</strong>
              {b.issuedOn ? ` · ${formatDate(b.issuedOn, i18n.language)}` : ""}
            </p>
            {b.refusalReason ? <p>{b.refusalReason}</p> : null}
          </Card>
        ))}
      </ul>
    </section>
  );
}
