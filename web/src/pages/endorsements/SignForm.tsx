import { useTranslation } from "react-i18next";
import type { Endorsement } from "../../api/endorsements";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { useSignEndorsement } from "./use-endorsements";

/** The endorser's admin writes its statement and signs with its organisation's key. */
export function SignForm({ endorsement }: { endorsement: Endorsement }) {
  const { t } = useTranslation();
  const sign = useSignEndorsement(endorsement.id);
  const fieldId = `statement-${endorsement.id}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const text = new FormData(event.currentTarget).get("statement");
        if (typeof text === "string") sign.mutate(text);
      }}
    >
      <FormError error={sign.error} />
      <div className="field">
        <label htmlFor={fieldId}>{t("endorsements.statement")}</label>
        <p className="hint" id={`${fieldId}-hint`}>
          {t("endorsements.statementHint")}
        </p>
        <textarea
          id={fieldId}
          name="statement"
          rows={4}
          required
          minLength={10}
          maxLength={2000}
          aria-describedby={`${fieldId}-hint`}
        />
      </div>
      <Button type="submit" disabled={sign.isPending}>
        {t("endorsements.sign")}
      </Button>
    </form>
  );
}
