import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { FormError, Notice } from "../../components/forms";

/** Until the address is confirmed: say so, and offer to send the link again. */
export function VerifyEmailReminder({
  resend,
}: {
  resend: UseMutationResult<unknown, Error, void>;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone="warning">
      <p>{t("dashboard.verifyEmail")}</p>
      {resend.isSuccess ? <Notice>{t("dashboard.resent")}</Notice> : null}
      <FormError error={resend.error} />
      <Button variant="secondary" onClick={() => resend.mutate()}>
        {t("dashboard.resend")}
      </Button>
    </Alert>
  );
}
