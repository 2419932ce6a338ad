import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { type PlatformRole, platformRoles, type StaffUser } from "../../api/admin";
import { DataTable } from "../../components/DataTable";
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
        <DataTable<StaffUser>
          caption={t("admin.caption")}
          rows={users.data.users}
          rowKey={(u) => u.id}
          columns={[
            {
              key: "name",
              header: t("admin.name"),
              rowHeader: true,
              sortValue: (u) => u.name,
              cell: (u) => u.name,
            },
            {
              key: "email",
              header: t("admin.email"),
              sortValue: (u) => u.email,
              cell: (u) => u.email,
            },
            {
              key: "roles",
              header: t("admin.roles"),
              cell: (u) => (
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
              ),
            },
          ]}
        />
      ) : null}
      <StaffInviteForm invite={invite} />
    </>
  );
}
