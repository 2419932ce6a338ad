import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { fetchOrganisation, organisationKeys } from "../../api/organisations";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { ApiKeys } from "./ApiKeys";
import { OauthClients } from "./OauthClients";
import { OwnBadges } from "./OwnBadges";
import { Participation } from "./Participation";
import { Registrations } from "./Registrations";

/** /organisations/:id/partenaire — a partner's space in "La Normandie badge les compétences". */
export function PartnerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const org = useQuery({
    queryKey: organisationKeys.detail(id),
    queryFn: () => fetchOrganisation(id),
    retry: false,
  });
  usePageTitle(org.data ? t("partner.title", { name: org.data.name }) : t("common.loading"));
  if (!org.data) return <Unavailable query={org} title={t("partner.titleShort")} />;
  return (
    <>
      <p className="chip">{t("kinds.partner")}</p>
      <h1>{t("partner.title", { name: org.data.name })}</h1>
      <p className="lead">{t("partner.intro")}</p>
      <p>
        <Link to={`/organisations/${id}`}>{t("partner.backToOrg")}</Link>
      </p>
      <Participation orgId={id} />
      <OwnBadges orgId={id} />
      <Registrations orgId={id} />
      <ApiKeys orgId={id} />
      <OauthClients orgId={id} />
    </>
  );
}
