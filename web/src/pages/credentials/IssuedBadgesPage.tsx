import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { type IssuedRow, issuedCsvUrl } from "../../api/credentials";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { Field, FormError, formValues, SelectField } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { ListSummary, ProgrammeOptions } from "../../components/ListSummary";
import { formatDate } from "../../i18n";
import { useIssuedBadges } from "./use-issued";

const states = ["valid", "suspended", "revoked", "expired"] as const;

/** /gestion/badges-delivres — every badge Blason issued, for programme managers, with its CSV. */
export function IssuedBadgesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("issued.title"));
  const me = useMe();
  const { query, update, page } = useIssuedBadges();
  if (me.isPending) return <p>{t("common.loading")}</p>;
  if (!hasRole(me.data, "programme_manager")) return <Navigate to="/accueil" replace />;
  const data = page.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    update({
      q: v.q?.trim() || undefined,
      programme: v.programme || undefined,
      state: v.state || undefined,
    });
  };
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return (
    <>
      <h1>{t("issued.title")}</h1>
      <form
        key={JSON.stringify(query)}
        className="queue-filters"
        aria-label={t("issued.filters")}
        onSubmit={submit}
      >
        <Field label={t("issued.search")} name="q" type="search" defaultValue={query.q ?? ""} />
        <SelectField
          label={t("queue.programme")}
          name="programme"
          defaultValue={query.programme ?? ""}
        >
          <ProgrammeOptions />
        </SelectField>
        <SelectField label={t("issued.state")} name="state" defaultValue={query.state ?? ""}>
          <option value="">{t("queue.allStates")}</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {t(`issued.states.${s}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit">{t("queue.apply")}</Button>
      </form>
      <FormError error={page.error} />
      {data ? (
        <>
          <ListSummary
            total={t("issued.total", { count: data.total })}
            counts={data.counts}
            countsLabel={t("issued.counts")}
            stateLabel={(s) => t(`issued.states.${s}`)}
            csvHref={issuedCsvUrl(query)}
          />
          <DataTable<IssuedRow>
            caption={t("issued.title")}
            captionHidden
            rows={data.rows}
            rowKey={(r) => r.id}
            serverSort={{
              sort: {
                key: query.sort ?? "issued",
                direction: query.direction === "asc" ? "ascending" : "descending",
              },
              onSort: (s) =>
                update({ sort: s.key, direction: s.direction === "ascending" ? "asc" : "desc" }),
            }}
            serverPaging={{
              page: (query.page ?? 1) - 1,
              pages: Math.max(1, Math.ceil(data.total / data.pageSize)),
              onPage: (p) => update({ page: String(p + 1) }),
            }}
            columns={[
              {
                key: "badge",
                header: t("applications.badge"),
                rowHeader: true,
                sortValue: (r) => r.badge.name,
                cell: (r) => <Link to={`/credentials/${r.id}`}>{r.badge.name}</Link>,
              },
              {
                key: "holder",
                header: t("issued.holder"),
                sortValue: (r) => r.holder,
                cell: (r) => r.holder,
              },
              {
                key: "state",
                header: t("issued.state"),
                cell: (r) => t(`issued.states.${r.state}`),
              },
              {
                key: "issued",
                header: t("issued.issuedOn"),
                sortValue: (r) => r.validFrom,
                cell: (r) => date(r.validFrom),
              },
              {
                key: "validUntil",
                header: t("issued.validUntil"),
                sortValue: (r) => r.validUntil,
                cell: (r) => date(r.validUntil),
              },
            ]}
          />
        </>
      ) : (
        <p>{t("common.loading")}</p>
      )}
    </>
  );
}
