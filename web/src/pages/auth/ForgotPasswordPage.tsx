import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { FormError, fieldError, Notice } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { EmailField } from "./EmailField";
import { usePasswordResetRequest } from "./use-auth";

/** /mot-de-passe-oublie — asks for a reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("forgot.title"));
  const [email, setEmail] = useState("");
  const request = usePasswordResetRequest();
  return (
    <div className="narrow">
      <h1>{t("forgot.title")}</h1>
      <p className="lead">{t("forgot.intro")}</p>
      <form
        className="card form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          request.mutate(email);
        }}
      >
        {request.isSuccess ? <Notice>{t("forgot.sent", { email })}</Notice> : null}
        <FormError error={request.error} labels={{ email: t("signIn.email") }} />
        <EmailField value={email} onChange={setEmail} error={fieldError(request.error, "email")} />
        <Button type="submit" disabled={request.isPending}>
          {t("forgot.submit")}
        </Button>
      </form>
    </div>
  );
}
