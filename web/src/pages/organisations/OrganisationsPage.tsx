import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import {
  type OrganisationKind,
  type OrganisationSummary,
  organisationKinds,
} from "../../api/organisations";
import { DataTable } from "../../components/DataTable";
import { Field, FormError, SelectField } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { CreateOrganisation } from "./CreateOrganisation";
import { useOrganisationList } from "./use-organisations";

/** /organisations — every organisation, searched and filtered; managers create new ones. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("orgs.title"));
  const { data: me, isPending } = useMe();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<OrganisationKind | "">("");
  const list = useOrganisationList({ q, kind }, !!me);
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const canCreate = hasRole(me, "programme_manager") || hasRole(me, "platform_admin");

  return (
    <>
      <h1>{t("orgs.title")}</h1>
      <search className="filters">
        <Field
          label={t("orgs.search")}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label={t("orgs.kindFilter")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrganisationKind | "")}
        >
          <option value="">{t("orgs.allKinds")}</option>
          {organisationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </search>
      <FormError error={list.error} />
      {list.data && list.data.organisations.length === 0 ? (
        <p className="empty">{t("orgs.empty")}</p>
      ) : null}
      {list.data && list.data.organisations.length > 0 ? (
        <DataTable<OrganisationSummary>
          caption={t("orgs.caption")}
          rows={list.data.organisations}
          rowKey={(o) => o.id}
          columns={[
            {
              key: "name",
              header: t("orgs.name"),
              rowHeader: true,
              sortValue: (o) => o.name,
              cell: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link>,
            },
            {
              key: "kind",
              header: t("orgs.kind"),
              sortValue: (o) => t(`kinds.${o.kind}`),
              cell: (o) => t(`kinds.${o.kind}`),
            },
            {
              key: "city",
              header: t("orgs.city"),
              sortValue: (o) => o.city,
              cell: (o) => o.city ?? "—",
            },
          ]}
        />
      ) : null}
      {canCreate ? <CreateOrganisation /> : null}
    </>
  );
}
