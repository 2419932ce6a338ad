import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Card } from "../../components/Card";
import { FormError, Notice } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { MembersSection } from "./MembersSection";
import { useMembers, useOrganisation } from "./use-organisations";

/** /organisations/:id — an organisation's details, links to its spaces, and its members. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const org = useOrganisation(id);
  const [notice, setNotice] = useState("");
  const members = useMembers(id, !!org.data, setNotice);
  usePageTitle(org.data?.name ?? t("orgs.title"));

  if (org.isPending) return <p>{t("common.loading")}</p>;
  if (org.error || !org.data) {
    return (
      <>
        <h1>{t("notFound.title")}</h1>
        <FormError error={org.error} />
        <Link to="/organisations">{t("common.back")}</Link>
      </>
    );
  }
  const o = org.data;
  const manage = o.can.manageMembers;

  return (
    <>
      <p className="chip">{t(`kinds.${o.kind}`)}</p>
      <h1>{o.name}</h1>
      <p>
        <Link to={`/organisations/${o.id}/badges`}>{t("credential.listTitle")}</Link>
        {o.kind === "cfa" ? (
          <>
            {" · "}
            <Link to={`/organisations/${o.id}/label`}>{t("label.link")}</Link>
            {" · "}
            <Link to={`/passports/${o.slug}`}>{t("passport.link")}</Link>
          </>
        ) : null}
        {o.kind === "partner" ? (
          <>
            {" · "}
            <Link to={`/organisations/${o.id}/partenaire`}>{t("partner.link")}</Link>
          </>
        ) : null}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <Card as="section" aria-labelledby="details">
        <h2 id="details">{t("org.details")}</h2>
        <dl className="details">
          {o.parent ? (
            <>
              <dt>{t("org.parent")}</dt>
              <dd>
                <Link to={`/organisations/${o.parent.id}`}>{o.parent.name}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("orgs.siret")}</dt>
          <dd>{o.siret ?? "—"}</dd>
          <dt>{t("orgs.uai")}</dt>
          <dd>{o.uai ?? "—"}</dd>
          <dt>{t("orgs.contactEmail")}</dt>
          <dd>{o.contactEmail}</dd>
          <dt>{t("orgs.city")}</dt>
          <dd>{o.city ?? "—"}</dd>
        </dl>
        {o.kind === "cfa" ? (
          <>
            <h3>{t("org.sites")}</h3>
            {o.children.length === 0 ? (
              <p className="muted">{t("org.noSites")}</p>
            ) : (
              <ul>
                {o.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/organisations/${c.id}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </Card>

      {members.query.data ? (
        <MembersSection members={members} data={members.query.data} manage={manage} />
      ) : null}
    </>
  );
}
