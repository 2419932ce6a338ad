import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { endpoints, type PlatformRole, type User } from "../api/client";
import { Field, FormError, fieldError, formValues, Notice } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

const allRoles: PlatformRole[] = ["programme_manager", "reviewer", "platform_admin"];

export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.usersTitle"));
  const { data: me, isPending } = useMe();
  const [q, setQ] = useState("");
  const [notice, setNotice] = useState("");
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ["users", q],
    queryFn: () => endpoints.users(q),
    enabled: hasRole(me, "platform_admin"),
  });
  const setRoles = useMutation({
    mutationFn: (v: { user: User; roles: PlatformRole[] }) =>
      endpoints.setRoles(v.user.id, v.roles),
    onSuccess: (user) => {
      setNotice(t("admin.updated", { name: user.name }));
      return queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const invite = useMutation({
    mutationFn: (v: { email: string; roles: PlatformRole[] }) =>
      endpoints.inviteStaff(v.email, v.roles),
    onSuccess: (_d, v) => setNotice(t("admin.invited", { email: v.email })),
  });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!hasRole(me, "platform_admin")) return <Navigate to="/accueil" replace />;

  const toggle = (user: User, role: PlatformRole, on: boolean) =>
    setRoles.mutate({
      user,
      roles: on ? [...user.platformRoles, role] : user.platformRoles.filter((r) => r !== role),
    });

  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormError error={setRoles.error} />
      <search className="filters">
        <Field
          label={t("admin.search")}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </search>
      {users.data ? (
        <div className="table-wrap">
          <table>
            <caption>{t("admin.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">{t("admin.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>
                    <fieldset className="checks">
                      <legend className="visually-hidden">
                        {t("admin.rolesFor", { name: u.name })}
                      </legend>
                      {allRoles.map((role) => (
                        <label key={role}>
                          <input
                            type="checkbox"
                            checked={u.platformRoles.includes(role)}
                            onChange={(e) => toggle(u, role, e.target.checked)}
                          />{" "}
                          {t(`platformRoles.${role}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="card" aria-labelledby="invite-staff">
        <h2 id="invite-staff">{t("admin.inviteTitle")}</h2>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const v = formValues(form);
            const roles = allRoles.filter((r) => new FormData(form).getAll("roles").includes(r));
            invite.mutate({ email: v.email ?? "", roles });
          }}
        >
          <FormError
            error={invite.error}
            labels={{ email: t("admin.email"), roles: t("admin.roles") }}
          />
          <Field
            label={t("admin.email")}
            name="email"
            type="email"
            required
            error={fieldError(invite.error, "email")}
          />
          <fieldset className="checks">
            <legend>{t("admin.roles")}</legend>
            {allRoles.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  name="roles"
                  value={role}
                  defaultChecked={role === "reviewer"}
                />{" "}
                {t(`platformRoles.${role}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={invite.isPending}>
            {t("admin.inviteSubmit")}
          </button>
        </form>
      </section>
    </>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("admin.auditTitle"));
  const { data: me, isPending } = useMe();
  const allowed = hasRole(me, "platform_admin") || hasRole(me, "programme_manager");
  const audit = useQuery({ queryKey: ["audit"], queryFn: endpoints.audit, enabled: allowed });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!allowed) return <Navigate to="/accueil" replace />;
  const actionLabel = (action: string) => {
    const key = `actions.${action}`;
    return i18n.exists(key) ? t(key) : action;
  };
  return (
    <>
      <h1>{t("admin.auditTitle")}</h1>
      <p className="lead">{t("admin.auditIntro")}</p>
      <FormError error={audit.error} />
      {audit.data ? (
        <div className="table-wrap">
          <table>
            <caption>{t("admin.auditCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("admin.date")}</th>
                <th scope="col">{t("admin.who")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.target")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDate(e.at, i18n.language, true)}</td>
                  <td>{e.actor?.name ?? t("admin.system")}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>
                    {e.targetType}
                    {typeof e.data.name === "string" ? ` · ${e.data.name}` : ""}
                    {typeof e.data.email === "string" ? ` · ${e.data.email}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
