import { useTranslation } from "react-i18next";
import type { Registration } from "../../api/partners";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useAnswerProposal } from "./use-registrations";
import { useTargetText } from "./use-targets";

/** One of the partner's registrations, with the region's word and its proposal to answer. */
export function RegistrationItem({ registration: r }: { registration: Registration }) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerProposal(r.id);
  const targetText = useTargetText();
  return (
    <li className="card">
      <h3>{r.name}</h3>
      <p className="muted">
        {targetText(r.target)} · <span className="chip">{t(`partner.states.${r.state}`)}</span>
        {r.approvedAt
          ? ` · ${t("partner.approvedOn", { date: formatDate(r.approvedAt, i18n.language) })}`
          : ""}
      </p>
      {r.motivation ? (
        <p>
          <strong>{t("partner.regionSays")}</strong> {r.motivation}
        </p>
      ) : null}
      {r.issuerProof === null ? (
        <p className="alert alert--warning">{t("partner.issuerUnproven")}</p>
      ) : null}
      {r.proposal && r.state === "requalification_proposed" ? (
        <div className="alert alert--info">
          <p>
            {t("partner.proposal")} {targetText(r.proposal)}
          </p>
          <FormError error={answer.error} />
          <p className="links">
            <button type="button" className="button" onClick={() => answer.mutate("accept")}>
              {t("partner.acceptProposal")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => answer.mutate("refuse")}
            >
              {t("partner.refuseProposal")}
            </button>
          </p>
        </div>
      ) : null}
    </li>
  );
}
