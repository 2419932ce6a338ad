import { useTranslation } from "react-i18next";
import type { PublicBadge } from "../../api/catalogue";
import { Card } from "../../components/Card";
import { BadgeCard } from "./BadgeCard";

/** A partner's own badges: issued by the partner itself, no collection or commission. */
export function PartnerCatalogue({ partner, badges }: { partner: string; badges: PublicBadge[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("catalogue.partnerTitle", { partner })}</h1>
      <p className="lead">{t("catalogue.partnerLead", { partner })}</p>
      <Card accent className="rule">
        <h2>{t("catalogue.partnerRuleTitle")}</h2>
        <p>{t("catalogue.partnerRule", { partner })}</p>
      </Card>
      <ul className="badge-grid plain">
        {badges.map((b) => (
          <BadgeCard key={b.id} badge={b} />
        ))}
      </ul>
    </>
  );
}
