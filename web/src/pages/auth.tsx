import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { endpoints, type Me } from "../api/client";
import { Field, FormError, fieldError, formValues, Notice } from "../components/forms";
import { useMe, usePageTitle } from "../components/hooks";

function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: Me) => {
    queryClient.setQueryData(["me"], me);
    navigate("/accueil");
  };
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.title"));
  const { data: me } = useMe();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState("");
  const password = useMutation({
    mutationFn: (v: Record<string, string>) => endpoints.signIn(v.email ?? "", v.password ?? ""),
    onSuccess: signedIn,
  });
  const magic = useMutation({
    mutationFn: (address: string) => endpoints.requestMagicLink(address),
  });
  if (me) return <Navigate to="/accueil" replace />;

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
        <Field
          label={t("signIn.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(password.error, "email")}
        />
        <Field
          label={t("signIn.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(password.error, "password")}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={password.isPending}>
            {t("signIn.submit")}
          </button>
          <Link to="/mot-de-passe-oublie">{t("signIn.forgot")}</Link>
        </div>
      </form>
      <section className="card" aria-labelledby="magic-title">
        <h2 id="magic-title">{t("signIn.orMagic")}</h2>
        {magic.isSuccess ? <Notice>{t("signIn.magicSent", { email })}</Notice> : null}
        <FormError error={magic.error} />
        <button
          type="button"
          className="button button--secondary"
          onClick={sendLink}
          disabled={!email || magic.isPending}
        >
          {t("signIn.magicSubmit")}
        </button>
      </section>
    </div>
  );
}

export function MagicLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t("magic.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const signedIn = useSignedIn();
  // A GET never signs in: mail scanners open links before people do.
  const consume = useMutation({
    mutationFn: () => endpoints.consumeMagicLink(token),
    onSuccess: signedIn,
  });
  return (
    <div className="narrow">
      <h1>{t("magic.title")}</h1>
      {token ? (
        <div className="card">
          <p>{t("magic.intro")}</p>
          <FormError error={consume.error} />
          <button
            type="button"
            className="button"
            onClick={() => consume.mutate()}
            disabled={consume.isPending}
          >
            {t("magic.submit")}
          </button>
        </div>
      ) : (
        <div className="alert alert--error" role="alert">
          {t("magic.missing")}
        </div>
      )}
    </div>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("forgot.title"));
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: (address: string) => endpoints.requestPasswordReset(address),
  });
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
        <button type="submit" className="button" disabled={request.isPending}>
          {t("forgot.submit")}
        </button>
      </form>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("reset.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = useMutation({
    mutationFn: (password: string) => endpoints.completePasswordReset(token, password),
  });
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
          <Field
            label={t("reset.password")}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t("reset.hint")}
            minLength={12}
            required
            error={fieldError(reset.error, "password")}
          />
          <button type="submit" className="button" disabled={reset.isPending}>
            {t("reset.submit")}
          </button>
        </form>
      )}
    </div>
  );
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t("verify.title"));
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => endpoints.verifyEmail(params.get("token") ?? ""),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      {verify.isSuccess ? (
        <Notice>{t("verify.done")}</Notice>
      ) : (
        <div className="card">
          <FormError error={verify.error} />
          <button
            type="button"
            className="button"
            onClick={() => verify.mutate()}
            disabled={verify.isPending}
          >
            {t("verify.submit")}
          </button>
        </div>
      )}
    </div>
  );
}

export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("invitation.title"));
  const { token = "" } = useParams();
  const { data: me } = useMe();
  const signedIn = useSignedIn();
  const details = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => endpoints.invitation(token),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      endpoints.acceptInvitation(token, body),
    onSuccess: signedIn,
  });
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
            <div className="alert alert--warning" role="alert">
              {t("invitation.wrongAccount", { current: me.user.email, email: d.email })}
            </div>
          ) : me ? (
            <button
              type="button"
              className="button"
              onClick={() => accept.mutate({})}
              disabled={accept.isPending}
            >
              {d.organisation
                ? t("invitation.join", { organisation: d.organisation.name })
                : t("invitation.joinStaff")}
            </button>
          ) : d.existingAccount ? (
            <div className="alert alert--info">
              {t("invitation.existing", { email: d.email })}{" "}
              <Link to="/connexion">{t("signIn.submit")}</Link>
            </div>
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
              <Field
                label={t("invitation.password")}
                name="password"
                type="password"
                autoComplete="new-password"
                hint={t("invitation.passwordHint")}
                minLength={12}
                required
                error={fieldError(accept.error, "password")}
              />
              <button type="submit" className="button" disabled={accept.isPending}>
                {t("invitation.create")}
              </button>
            </form>
          )}
        </div>
      ) : null}
    </div>
  );
}
