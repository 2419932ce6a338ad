import { useTranslation } from "react-i18next";
import type { Credential } from "../../api/credentials";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { useRevokeCredential } from "./use-credentials";

/** A manager revokes a badge for good, saying why (the holder is emailed, verifiers see it). */
export function RevokeForm({ credential, onDone }: { credential: Credential; onDone: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCredential(credential.id, onDone);
  const fieldId = `revoke-${credential.id}`;
  return (
    <details className="revoke">
      <summary>{t("credential.revoke")}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const reason = new FormData(event.currentTarget).get("reason");
          if (typeof reason === "string") revoke.mutate(reason);
        }}
      >
        <FormError error={revoke.error} />
        <div className="field">
          <label htmlFor={fieldId}>{t("credential.revokeReason")}</label>
          <p className="field__hint" id={`${fieldId}-hint`}>
            {t("credential.revokeHint")}
          </p>
          <textarea
            id={fieldId}
            name="reason"
            rows={3}
            required
            minLength={5}
            aria-describedby={`${fieldId}-hint`}
          />
        </div>
        <Button type="submit" variant="danger" disabled={revoke.isPending}>
          {t("credential.revokeConfirm", { badge: credential.badge.name })}
        </Button>
      </form>
    </details>
  );
}
