import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { DecisionForm } from "./DecisionForm";
import { useRegistrations } from "./use-registrations";
import { useTargetText } from "./use-targets";

/** /gestion/partenaires — managers decide the partners' badge registrations. */
export function RegistrationsAdminPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("partnerAdmin.title"));
  const targetText = useTargetText();
  const list = useRegistrations();
  if (!list.data) return <Unavailable query={list} title={t("partnerAdmin.title")} />;
  const open = list.data.registrations.filter(
    (r) => r.state === "submitted" || r.state === "requalification_proposed",
  );
  const done = list.data.registrations.filter((r) => !open.includes(r));
  return (
    <>
      <h1>{t("partnerAdmin.title")}</h1>
      <p className="lead">{t("partnerAdmin.intro")}</p>
      <section aria-labelledby="open-registrations">
        <h2 id="open-registrations">{t("partnerAdmin.open", { count: open.length })}</h2>
        {open.length === 0 ? <p className="empty">{t("partnerAdmin.none")}</p> : null}
        <ul className="plain">
          {open.map((r) => (
            <Card as="li" key={r.id}>
              <h3>{r.name}</h3>
              <p className="muted">
                {r.organisation.name} · {formatDate(r.createdAt, i18n.language)} ·{" "}
                <Chip>{t(`partner.states.${r.state}`)}</Chip>
              </p>
              <p>
                {t("partnerAdmin.aims")} {targetText(r.target)}
              </p>
              <p>
                <strong>{t("partnerAdmin.justification")}</strong> {r.justification}
              </p>
              <p className="muted">
                {t("partnerAdmin.badgeClass")} <code>{r.badgeClassIri}</code>
              </p>
              <p className="muted">
                {t("partnerAdmin.issuer")} <code>{r.issuerIri}</code> —{" "}
                {t(`partnerAdmin.issuerProof.${r.issuerProof ?? "none"}`)}
              </p>
              {r.state === "submitted" ? (
                <DecisionForm registration={r} />
              ) : r.proposal ? (
                <p>
                  {t("partnerAdmin.waitingPartner")} {targetText(r.proposal)}
                </p>
              ) : null}
            </Card>
          ))}
        </ul>
      </section>
      <section aria-labelledby="done-registrations">
        <h2 id="done-registrations">{t("partnerAdmin.done", { count: done.length })}</h2>
        <ul className="plain">
          {done.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> — {r.organisation.name} · {targetText(r.target)} ·{" "}
              <Chip>{t(`partner.states.${r.state}`)}</Chip>
              {r.approvedAt
                ? ` · ${t("partner.approvedOn", { date: formatDate(r.approvedAt, i18n.language) })}`
                : ""}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
