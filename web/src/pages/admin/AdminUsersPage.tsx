import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { type PlatformRole, platformRoles, type StaffUser } from "../../api/admin";
import { Field, FormError, Notice } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { StaffInviteForm } from "./StaffInviteForm";
import { useInviteStaff, useStaff } from "./use-admin";

/** /admin/utilisateurs — platform administrators give and take staff roles, and invite staff. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.usersTitle"));
  const { data: me, isPending } = useMe();
  const [q, setQ] = useState("");
  const [notice, setNotice] = useState("");
  const { users, setRoles } = useStaff(q, hasRole(me, "platform_admin"), (user) =>
    setNotice(t("admin.updated", { name: user.name })),
  );
  const invite = useInviteStaff((email) => setNotice(t("admin.invited", { email })));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!hasRole(me, "platform_admin")) return <Navigate to="/accueil" replace />;

  const toggle = (user: StaffUser, role: PlatformRole, on: boolean) =>
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
                      {platformRoles.map((role) => (
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
      <StaffInviteForm invite={invite} />
    </>
  );
}
