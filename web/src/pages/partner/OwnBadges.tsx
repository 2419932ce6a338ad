import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { FormError } from "../../components/forms";
import { NewOwnBadgeForm } from "./NewOwnBadgeForm";
import { OwnBadgeCard } from "./OwnBadgeCard";
import { useOwnBadges } from "./use-own-badges";

/** The badges the partner issues on Blason; a Participant may create more. */
export function OwnBadges({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const own = useOwnBadges(orgId);
  if (own.error) return <FormError error={own.error} />;
  const data = own.data;
  return (
    <section aria-labelledby="own-title">
      <h2 id="own-title">{t("partner.ownTitle")}</h2>
      <p>{t("partner.ownIntro")}</p>
      {data && !data.participant ? (
        <Alert tone="info">
          <p>{t("partner.notParticipant")}</p>
        </Alert>
      ) : null}
      <ul className="plain">
        {data?.badges.map((b) => (
          <OwnBadgeCard key={b.id} orgId={orgId} badge={b} />
        ))}
      </ul>
      {data?.participant ? <NewOwnBadgeForm orgId={orgId} /> : null}
    </section>
  );
}
