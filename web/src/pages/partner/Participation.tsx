import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useOwnBadges, useRequestOnboarding } from "./use-own-badges";

/** The Participant and Ambassadeur badges: where the partner stands, and the request to make. */
export function Participation({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const own = useOwnBadges(orgId);
  const request = useRequestOnboarding(orgId);
  const rows = own.data?.onboarding ?? [];
  return (
    <section aria-labelledby="participation-title">
      <h2 id="participation-title">{t("partner.participationTitle")}</h2>
      <p>{t("partner.participationIntro")}</p>
      <FormError error={request.error} />
      <ul className="plain">
        {rows.map((o) => (
          <Card as="li" key={o.kind}>
            <h3>{t(`partner.onboarding.${o.kind}`)}</h3>
            {o.active ? (
              <p>
                <Chip>{t("partner.active")}</Chip>{" "}
                {o.validUntil
                  ? t("partner.activeUntil", { date: formatDate(o.validUntil, i18n.language) })
                  : null}
              </p>
            ) : o.request && !["refused", "withdrawn", "granted"].includes(o.request.state) ? (
              <p>
                <Link to={`/demandes/${o.request.id}`}>
                  {t("partner.requestOpen", {
                    state: t(`applications.states.${o.request.state}`, {
                      defaultValue: o.request.state,
                    }),
                  })}
                </Link>
              </p>
            ) : o.kind === "ambassador" && !own.data?.participant ? (
              <p className="muted">{t("partner.ambassadorNeedsParticipant")}</p>
            ) : (
              <Button disabled={request.isPending} onClick={() => request.mutate(o.badgeClassId)}>
                {t(`partner.request.${o.kind}`)}
              </Button>
            )}
          </Card>
        ))}
      </ul>
    </section>
  );
}
