import { useTranslation } from "react-i18next";
import type { MemberRole, Members } from "../../api/organisations";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";
import { InviteForm } from "./InviteForm";
import type { MembersState } from "./use-organisations";

/** Who belongs to the organisation; its administrators change roles, remove, and invite. */
export function MembersSection({
  members,
  data,
  manage,
}: {
  members: MembersState;
  data: Members;
  manage: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t("org.members")}</h2>
      <FormError error={members.setRole.error ?? members.remove.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("org.members")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("orgs.name")}</th>
              <th scope="col">{t("org.email")}</th>
              <th scope="col">{t("org.role")}</th>
              <th scope="col">{t("org.joined")}</th>
              {manage ? <th scope="col">{t("org.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>
                  {manage ? (
                    <select
                      aria-label={t("org.changeRole", { name: m.name })}
                      value={m.role}
                      onChange={(e) =>
                        members.setRole.mutate({
                          userId: m.userId,
                          role: e.target.value as MemberRole,
                        })
                      }
                    >
                      <option value="member">{t("memberRoles.member")}</option>
                      <option value="admin">{t("memberRoles.admin")}</option>
                    </select>
                  ) : (
                    t(`memberRoles.${m.role}`)
                  )}
                </td>
                <td>{formatDate(m.joinedAt, i18n.language)}</td>
                {manage ? (
                  <td>
                    <button
                      type="button"
                      className="button button--danger button--small"
                      onClick={() => {
                        if (window.confirm(t("org.removeConfirm", { name: m.name })))
                          members.remove.mutate(m);
                      }}
                    >
                      {t("org.remove")}
                      <span className="visually-hidden"> {m.name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {manage ? (
        <>
          <h3>{t("org.invitations")}</h3>
          {data.invitations.length === 0 ? (
            <p className="muted">{t("org.noInvitations")}</p>
          ) : (
            <ul className="plain list">
              {data.invitations.map((inv) => (
                <li key={inv.id}>
                  <strong>{inv.email}</strong> · {t(`memberRoles.${inv.role}`)} ·{" "}
                  {t("org.expires", { date: formatDate(inv.expiresAt, i18n.language) })}{" "}
                  <button
                    type="button"
                    className="button button--ghost-dark button--small"
                    aria-label={t("org.cancelInvitation", { email: inv.email })}
                    onClick={() => members.cancel.mutate(inv.id)}
                  >
                    {t("common.cancel")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <InviteForm
            pending={members.invite.isPending}
            error={members.invite.error}
            onInvite={(email, role) => members.invite.mutate({ email, role })}
          />
        </>
      ) : null}
    </section>
  );
}
