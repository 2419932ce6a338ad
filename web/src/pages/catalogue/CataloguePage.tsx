import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { BadgeCard } from "./BadgeCard";
import { PartnerCatalogue } from "./PartnerCatalogue";
import { ProgrammeInfo } from "./ProgrammeInfo";
import { useProgrammeCatalogue } from "./use-catalogue";

/** /programmes/:slug — a programme's badges: the label's required and optional ones, or a partner's. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { slug = "label-cfa" } = useParams();
  const catalogue = useProgrammeCatalogue(slug);
  const partner = catalogue.data?.programme.partner;
  usePageTitle(
    partner
      ? t("catalogue.partnerTitle", { partner })
      : (catalogue.data?.programme.name ?? t("catalogue.title")),
  );
  if (catalogue.isPending) return <p>{t("common.loading")}</p>;
  if (!catalogue.data) return <FormError error={catalogue.error} />;
  const { programme, collection, badges } = catalogue.data;
  if (programme.partner) return <PartnerCatalogue partner={programme.partner} badges={badges} />;
  const label = slug === "label-cfa";
  const required = badges.filter((b) => b.required);
  const optional = badges.filter((b) => !b.required && !b.forOrganisations);
  const onboarding = badges.filter((b) => b.forOrganisations);
  return (
    <>
      <p className="chip">{t("catalogue.collection", { version: collection.version })}</p>
      <h1>{programme.name}</h1>
      <p className="lead">{programme.description}</p>
      {label ? (
        <Card accent className="rule">
          <h2>{t("catalogue.ruleTitle")}</h2>
          <p>
            {t("catalogue.rule", {
              total: collection.labelTotal,
              required: collection.requiredCount,
              count: collection.badgeCount,
            })}
          </p>
        </Card>
      ) : (
        <Card accent className="rule">
          <h2>{t("catalogue.regionalTitle")}</h2>
          <p>{t("catalogue.regionalRule")}</p>
        </Card>
      )}
      {required.length ? (
        <section aria-labelledby="required-badges">
          <h2 id="required-badges">{t("catalogue.requiredTitle", { count: required.length })}</h2>
          <ul className="badge-grid plain">
            {required.map((b) => (
              <BadgeCard key={b.id} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="optional-badges">
        <h2 id="optional-badges">
          {label
            ? t("catalogue.optionalTitle", { count: optional.length })
            : t("catalogue.regionalBadges", { count: optional.length })}
        </h2>
        <ul className="badge-grid plain">
          {optional.map((b) => (
            <BadgeCard key={b.id} badge={b} />
          ))}
        </ul>
      </section>
      {onboarding.length ? (
        <section aria-labelledby="onboarding-badges">
          <h2 id="onboarding-badges">{t("catalogue.onboardingTitle")}</h2>
          <p>{t("catalogue.onboardingIntro")}</p>
          <ul className="badge-grid plain">
            {onboarding.map((b) => (
              <BadgeCard key={b.id} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      {label ? (
        <>
          <ProgrammeInfo slug={slug} />
          <p>
            <Link to={`/programmes/${slug}/historique`}>{t("history.link")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
