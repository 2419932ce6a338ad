import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { endpoints, type Locale } from "../api/client";
import { Field, FormError, fieldError, formValues, Notice, SelectField } from "../components/forms";
import { useMe, usePageTitle } from "../components/hooks";
import { changeLanguage, formatDate } from "../i18n";

export function AccountPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("account.title"));
  const { data: me, isPending } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: endpoints.sessions, enabled: !!me });
  const profile = useMutation({
    mutationFn: (body: { name: string; locale: Locale }) => endpoints.updateMe(body),
    onSuccess: (updated) => {
      queryClient.setQueryData(["me"], updated);
      changeLanguage(updated.user.locale);
    },
  });
  const password = useMutation({
    mutationFn: (v: { current: string; next: string }) =>
      endpoints.changePassword(v.current, v.next),
  });
  const everywhere = useMutation({
    mutationFn: endpoints.signOutEverywhere,
    onSuccess: () => {
      queryClient.clear();
      navigate("/connexion");
    },
  });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;

  return (
    <>
      <h1>{t("account.title")}</h1>
      <section className="card" aria-labelledby="profile">
        <h2 id="profile">{t("account.profile")}</h2>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            profile.mutate({ name: v.name ?? "", locale: v.locale === "en" ? "en" : "fr" });
          }}
        >
          {profile.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
          <FormError
            error={profile.error}
            labels={{ name: t("account.name"), locale: t("account.language") }}
          />
          <Field label={t("signIn.email")} name="email" value={me.user.email} readOnly />
          <Field
            label={t("account.name")}
            name="name"
            defaultValue={me.user.name}
            required
            error={fieldError(profile.error, "name")}
          />
          <SelectField label={t("account.language")} name="locale" defaultValue={me.user.locale}>
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
          </SelectField>
          <button type="submit" className="button" disabled={profile.isPending}>
            {t("common.save")}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="password">
        <h2 id="password">{t("account.passwordTitle")}</h2>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            password.mutate({ current: v.currentPassword ?? "", next: v.newPassword ?? "" });
          }}
        >
          {password.isSuccess ? <Notice>{t("account.changed")}</Notice> : null}
          <FormError
            error={password.error}
            labels={{ currentPassword: t("account.current"), newPassword: t("account.new") }}
          />
          <Field
            label={t("account.current")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={fieldError(password.error, "currentPassword")}
          />
          <Field
            label={t("account.new")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={t("reset.hint")}
            required
            error={fieldError(password.error, "newPassword")}
          />
          <button type="submit" className="button" disabled={password.isPending}>
            {t("account.change")}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions">{t("account.sessions")}</h2>
        {sessions.data ? (
          <div className="table-wrap">
            <table>
              <caption>{t("account.sessionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("account.device")}</th>
                  <th scope="col">{t("account.since")}</th>
                  <th scope="col">{t("account.lastSeen")}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.userAgent ?? "—"}
                      {s.current ? <strong> ({t("account.current_")})</strong> : null}
                    </td>
                    <td>{formatDate(s.createdAt, i18n.language, true)}</td>
                    <td>{formatDate(s.lastSeenAt, i18n.language, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <p className="muted">{t("account.everywhereHint")}</p>
        <button type="button" className="button button--danger" onClick={() => everywhere.mutate()}>
          {t("account.everywhere")}
        </button>
      </section>
    </>
  );
}
