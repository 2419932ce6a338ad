import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { useMe, usePageTitle } from "../../components/hooks";
import { HandInForm } from "./HandInForm";
import { HeldBadgeCard } from "./HeldBadgeCard";
import { PartnerBadgeList } from "./PartnerBadgeList";
import { PassportSettings } from "./PassportSettings";
import { useMyBadges } from "./use-my-badges";

/** /mes-badges — a person's regional badges, and the partner badges behind them (or why not). */
export function MyBadgesPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  usePageTitle(t("myBadges.title"));
  const mine = useMyBadges(!!me);
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const data = mine.data;
  const regional = data?.credentials.filter((c) => c.regional) ?? [];
  const others = data?.credentials.filter((c) => !c.regional) ?? [];
  return (
    <>
      <h1>{t("myBadges.title")}</h1>
      <p className="lead">{t("myBadges.intro")}</p>
      <section aria-labelledby="regional-title">
        <h2 id="regional-title">{t("myBadges.regional", { count: regional.length })}</h2>
        {regional.length === 0 ? <p className="empty">{t("myBadges.noRegional")}</p> : null}
        <ul className="badge-grid plain">
          {regional.map((b) => (
            <HeldBadgeCard key={b.credentialId} badge={b} />
          ))}
        </ul>
      </section>
      {others.length ? (
        <section aria-labelledby="held-title">
          <h2 id="held-title">{t("myBadges.held", { count: others.length })}</h2>
          <ul className="badge-grid plain">
            {others.map((b) => (
              <HeldBadgeCard key={b.credentialId} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      <HandInForm />
      <PartnerBadgeList data={data} />
      {data ? <PassportSettings passport={data.passport} /> : null}
    </>
  );
}
