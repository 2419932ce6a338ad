import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Button } from "../../components/Button";
import { FormError, fieldError, formValues, Notice } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { PasswordField } from "../../components/PasswordField";
import { usePasswordReset } from "./use-auth";

/** /mot-de-passe/nouveau — chooses a new password with the link's token. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("reset.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = usePasswordReset(token);
  return (
    <div className="narrow">
      <h1>{t("reset.title")}</h1>
      {reset.isSuccess ? (
        <Notice>
          {t("reset.done")} <Link to="/connexion">{t("signIn.submit")}</Link>
        </Notice>
      ) : (
        <form
          className="card form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate(formValues(e.currentTarget).password ?? "");
          }}
        >
          <FormError error={reset.error} labels={{ password: t("reset.password") }} />
          <PasswordField
            purpose="new"
            label={t("reset.password")}
            name="password"
            hint={t("reset.hint")}
            minLength={12}
            required
            error={fieldError(reset.error, "password")}
          />
          <Button type="submit" disabled={reset.isPending}>
            {t("reset.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
