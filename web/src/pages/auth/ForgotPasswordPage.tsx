import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field, FormError, fieldError, Notice } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
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
        <Field
          label={t("signIn.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(request.error, "email")}
        />
        <Button type="submit" disabled={request.isPending}>
          {t("forgot.submit")}
        </Button>
      </form>
    </div>
  );
}
