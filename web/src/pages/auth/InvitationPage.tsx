import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Field, FormError, fieldError, formValues } from "../../components/forms";
import { useMe, usePageTitle } from "../../components/hooks";
import { PasswordField } from "../../components/PasswordField";
import { useInvitation } from "./use-auth";

/** /invitation/:token — joins an organisation or the staff, signed in or creating the account. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("invitation.title"));
  const { token = "" } = useParams();
  const { data: me } = useMe();
  const { details, accept } = useInvitation(token);
  const d = details.data;
  const role = d?.role ? t(`memberRoles.${d.role}`).toLowerCase() : "";
  const roles = d?.platformRoles.map((r) => t(`platformRoles.${r}`)).join(", ") ?? "";

  return (
    <div className="narrow">
      <h1>{t("invitation.title")}</h1>
      {details.isPending ? <p>{t("common.loading")}</p> : null}
      <FormError error={details.error} />
      {d ? (
        <div className="card form">
          <p className="lead">
            {d.organisation
              ? t("invitation.intro", {
                  invitedBy: d.invitedBy,
                  organisation: d.organisation.name,
                  role,
                })
              : t("invitation.introStaff", { invitedBy: d.invitedBy, roles })}
          </p>
          <p>{t("invitation.emailLine", { email: d.email })}</p>
          <FormError
            error={accept.error}
            labels={{ name: t("invitation.name"), password: t("invitation.password") }}
          />
          {me && me.user.email !== d.email ? (
            <Alert tone="warning" role="alert">
              {t("invitation.wrongAccount", { current: me.user.email, email: d.email })}
            </Alert>
          ) : me ? (
            <Button onClick={() => accept.mutate({})} disabled={accept.isPending}>
              {d.organisation
                ? t("invitation.join", { organisation: d.organisation.name })
                : t("invitation.joinStaff")}
            </Button>
          ) : d.existingAccount ? (
            <Alert tone="info">
              {t("invitation.existing", { email: d.email })}{" "}
              <Link to="/connexion">{t("signIn.submit")}</Link>
            </Alert>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const v = formValues(e.currentTarget);
                accept.mutate({ name: v.name ?? "", password: v.password ?? "" });
              }}
            >
              <Field
                label={t("invitation.name")}
                name="name"
                autoComplete="name"
                required
                error={fieldError(accept.error, "name")}
              />
              <PasswordField
                purpose="new"
                label={t("invitation.password")}
                name="password"
                hint={t("invitation.passwordHint")}
                minLength={12}
                required
                error={fieldError(accept.error, "password")}
              />
              <Button type="submit" disabled={accept.isPending}>
                {t("invitation.create")}
              </Button>
            </form>
          )}
        </div>
      ) : null}
    </div>
  );
}
