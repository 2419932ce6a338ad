import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useIssuerProof } from "./use-registrations";

/**
 * The proof that the badge is the partner's: one of its credentials, issued
 * from its platform to the organisation's proof address, pasted or as its
 * baked image.
 */
export function IssuerProofFields({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const ids = { intro: useId(), text: useId(), file: useId() };
  const proof = useIssuerProof(orgId);
  return (
    <fieldset aria-describedby={ids.intro}>
      <legend>{t("partner.proofLegend")}</legend>
      <p id={ids.intro}>
        {t("partner.proofIntro")} {proof.data ? <code>{proof.data.recipient}</code> : "…"}
      </p>
      <div className="field">
        <label htmlFor={ids.text}>{t("partner.proof")}</label>
        <textarea id={ids.text} name="proof" rows={4} />
      </div>
      <div className="field">
        <label htmlFor={ids.file}>{t("partner.proofFile")}</label>
        <input id={ids.file} name="proofFile" type="file" accept="image/png,image/svg+xml" />
      </div>
    </fieldset>
  );
}
