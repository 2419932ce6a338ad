import { useTranslation } from "react-i18next";
import type { Members } from "../../api/organisations";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { formatDate } from "../../i18n";
import { InviteForm } from "./InviteForm";
import { MembersTable } from "./MembersTable";
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
      <MembersTable members={members} rows={data.members} manage={manage} />

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
                  <Button
                    variant="ghost-dark"
                    size="small"
                    aria-label={t("org.cancelInvitation", { email: inv.email })}
                    onClick={() => members.cancel.mutate(inv.id)}
                  >
                    {t("common.cancel")}
                  </Button>
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
