import { useTranslation } from "react-i18next";
import type { SupportMonth, SupportRequest } from "../../api/support";
import { DataTable } from "../../components/DataTable";
import { formatDate } from "../../i18n";
import { ProgrammeTextsForm } from "./ProgrammeTextsForm";
import { Reassign } from "./Reassign";
import { useOversight } from "./use-support";

/** Managers: every request with its state, organisation and adviser; the figures; the texts. */
export function Oversight({ requests }: { requests: SupportRequest[] }) {
  const { t, i18n } = useTranslation();
  const { advisers, figures } = useOversight();
  const hours = (h: number | null) =>
    h === null ? "—" : h.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  return (
    <>
      <section aria-labelledby="oversight-title">
        <h2 id="oversight-title">{t("support.oversightTitle")}</h2>
        <DataTable<SupportRequest>
          labelledBy="oversight-title"
          rows={requests}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "organisation",
              header: t("support.organisation"),
              cell: (r) => r.organisation.name,
              sortValue: (r) => r.organisation.name,
              rowHeader: true,
            },
            {
              key: "state",
              header: t("support.state"),
              cell: (r) => t(`support.states.${r.state}`),
              sortValue: (r) => r.state,
            },
            {
              key: "adviser",
              header: t("support.adviser"),
              cell: (r) => r.adviser?.name ?? t("support.noAdviser"),
            },
            {
              key: "asked",
              header: t("support.askedOn"),
              cell: (r) => formatDate(r.createdAt, i18n.language),
              sortValue: (r) => r.createdAt,
            },
            {
              key: "reassign",
              header: t("support.reassign"),
              cell: (r) => <Reassign request={r} advisers={advisers.data?.advisers ?? []} />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("support.figuresTitle")}</h2>
        <DataTable<SupportMonth>
          caption={t("support.figuresCaption")}
          rows={figures.data?.months ?? []}
          rowKey={(m) => m.month}
          columns={[
            { key: "month", header: t("support.month"), cell: (m) => m.month, rowHeader: true },
            { key: "requests", header: t("support.requests"), cell: (m) => m.requests },
            { key: "answered", header: t("support.answered"), cell: (m) => m.answered },
            {
              key: "median",
              header: t("support.medianHours"),
              cell: (m) => hours(m.medianHoursToFirstAnswer),
            },
          ]}
        />
      </section>
      <ProgrammeTextsForm />
    </>
  );
}
