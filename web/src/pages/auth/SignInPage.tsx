import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, fieldError, formValues, Notice } from "../../components/forms";
import { useMe, usePageTitle } from "../../components/hooks";
import { PasswordField } from "../../components/PasswordField";
import { EmailField } from "./EmailField";
import { returnPath, useSignIn } from "./use-auth";

/** /connexion — a password, or a link by e-mail. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.title"));
  const { data: me } = useMe();
  const [email, setEmail] = useState("");
  const { password, magic } = useSignIn();
  const { search } = useLocation();
  if (me) return <Navigate to={returnPath(search)} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    password.mutate(formValues(event.currentTarget));
  };
  const sendLink = () => {
    if (email) magic.mutate(email);
  };

  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.intro")}</p>
      <form onSubmit={submit} className="card form" noValidate>
        <FormError
          error={password.error}
          labels={{ email: t("signIn.email"), password: t("signIn.password") }}
        />
        <EmailField value={email} onChange={setEmail} error={fieldError(password.error, "email")} />
        <PasswordField
          purpose="current"
          label={t("signIn.password")}
          name="password"
          required
          error={fieldError(password.error, "password")}
        />
        <div className="form__actions">
          <Button type="submit" disabled={password.isPending}>
            {t("signIn.submit")}
          </Button>
          <Link to="/mot-de-passe-oublie">{t("signIn.forgot")}</Link>
        </div>
      </form>
      <Card as="section" aria-labelledby="magic-title">
        <h2 id="magic-title">{t("signIn.orMagic")}</h2>
        {magic.isSuccess ? <Notice>{t("signIn.magicSent", { email })}</Notice> : null}
        <FormError error={magic.error} />
        <Button variant="secondary" onClick={sendLink} disabled={!email || magic.isPending}>
          {t("signIn.magicSubmit")}
        </Button>
      </Card>
    </div>
  );
}
