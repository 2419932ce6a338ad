import { useTranslation } from "react-i18next";
import type { Member, MemberRole } from "../../api/organisations";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { type Column, DataTable } from "../../components/DataTable";
import { formatDate } from "../../i18n";
import type { MembersState } from "./use-organisations";

/** The members, sortable; an administrator changes a role or removes a member (after a question). */
export function MembersTable({
  members,
  rows,
  manage,
}: {
  members: MembersState;
  rows: Member[];
  manage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirmDialog();
  const columns: Column<Member>[] = [
    {
      key: "name",
      header: t("orgs.name"),
      rowHeader: true,
      sortValue: (m) => m.name,
      cell: (m) => m.name,
    },
    { key: "email", header: t("org.email"), sortValue: (m) => m.email, cell: (m) => m.email },
    {
      key: "role",
      header: t("org.role"),
      sortValue: (m) => t(`memberRoles.${m.role}`),
      cell: (m) =>
        manage ? (
          <select
            aria-label={t("org.changeRole", { name: m.name })}
            value={m.role}
            onChange={(e) =>
              members.setRole.mutate({ userId: m.userId, role: e.target.value as MemberRole })
            }
          >
            <option value="member">{t("memberRoles.member")}</option>
            <option value="admin">{t("memberRoles.admin")}</option>
          </select>
        ) : (
          t(`memberRoles.${m.role}`)
        ),
    },
    {
      key: "joined",
      header: t("org.joined"),
      sortValue: (m) => m.joinedAt,
      cell: (m) => formatDate(m.joinedAt, i18n.language),
    },
    ...(manage
      ? [
          {
            key: "actions",
            header: t("org.actions"),
            cell: (m: Member) => (
              <Button
                variant="danger"
                size="small"
                onClick={() =>
                  confirm.ask(
                    {
                      title: t("org.removeConfirm", { name: m.name }),
                      confirmLabel: t("org.remove"),
                      danger: true,
                    },
                    () => members.remove.mutate(m),
                  )
                }
              >
                {t("org.remove")}
                <span className="visually-hidden"> {m.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <DataTable<Member>
        caption={t("org.members")}
        captionHidden
        rows={rows}
        rowKey={(m) => m.userId}
        columns={columns}
      />
      {confirm.dialog}
    </>
  );
}
