import { useTranslation } from "react-i18next";
import type { Registration } from "../../api/partners";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
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
    <Card as="li">
      <h3>{r.name}</h3>
      <p className="muted">
        {targetText(r.target)} · <Chip>{t(`partner.states.${r.state}`)}</Chip>
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
        <Alert tone="info">
          <p>
            {t("partner.proposal")} {targetText(r.proposal)}
          </p>
          <FormError error={answer.error} />
          <p className="links">
            <Button onClick={() => answer.mutate("accept")}>{t("partner.acceptProposal")}</Button>
            <Button variant="secondary" onClick={() => answer.mutate("refuse")}>
              {t("partner.refuseProposal")}
            </Button>
          </p>
        </Alert>
      ) : null}
    </Card>
  );
}
