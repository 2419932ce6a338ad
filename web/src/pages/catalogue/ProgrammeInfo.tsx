import { useTranslation } from "react-i18next";
import type { ProgrammeSession } from "../../api/catalogue";
import { DataTable } from "../../components/DataTable";
import { formatDate, sessionLabel } from "../../i18n";
import { useSessions } from "./use-catalogue";
import { useProgrammeText } from "./use-programme-texts";

/** The calendar of commissions, how to apply, and the questions people ask. */
export function ProgrammeInfo({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const sessions = useSessions(slug);
  const mailbox = useProgrammeText("label_mailbox", i18n.language);
  const upcoming = (sessions.data?.sessions ?? []).filter(
    (s) => s.commissionDate >= new Date().toISOString().slice(0, 10),
  );
  const faq = t("programme.faq", { returnObjects: true }) as unknown as { q: string; a: string }[];
  const steps = t("programme.steps", { returnObjects: true }) as unknown as string[];
  return (
    <>
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t("programme.calendarTitle")}</h2>
        {upcoming.length === 0 ? (
          <p className="empty">{t("programme.noSession")}</p>
        ) : (
          <DataTable<ProgrammeSession>
            labelledBy="calendar-title"
            rows={upcoming}
            rowKey={(s) => s.id}
            columns={[
              {
                key: "session",
                header: t("programme.session"),
                cell: (s) => (
                  <>
                    {sessionLabel(s, i18n.language)}
                    {s.revisionsOnly ? (
                      <span className="muted"> — {t("programme.revisionsOnly")}</span>
                    ) : null}
                  </>
                ),
              },
              {
                key: "deadline",
                header: t("programme.deadline"),
                cell: (s) => formatDate(`${s.deadline}T12:00:00Z`, i18n.language),
              },
              {
                key: "commission",
                header: t("programme.commission"),
                cell: (s) => formatDate(`${s.commissionDate}T12:00:00Z`, i18n.language),
              },
            ]}
          />
        )}
        <p className="muted">{t("programme.deadlineNote")}</p>
      </section>
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">{t("programme.applyTitle")}</h2>
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="faq-title">
        <h2 id="faq-title">{t("programme.faqTitle")}</h2>
        {faq.map((item) => (
          <details key={item.q} className="faq">
            <summary>{item.q}</summary>
            <p>{item.a}</p>
          </details>
        ))}
        {mailbox ? (
          <p>
            {t("programme.contact")} <a href={`mailto:${mailbox}`}>{mailbox}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
