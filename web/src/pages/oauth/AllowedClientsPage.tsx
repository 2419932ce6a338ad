import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError } from "../../components/forms";
import { useMe, usePageTitle } from "../../components/hooks";
import { ScopeList } from "./ScopeList";
import { useAllowedClients, useRevokeClient } from "./use-oauth";

/** /mes-applications — the applications the person allowed (backpacks, wallets), and revoking them. */
export function AllowedClientsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("oauth.grantsTitle"));
  const { data: me, isPending } = useMe();
  const grants = useAllowedClients(!!me);
  const revoke = useRevokeClient();
  const { ask, dialog } = useConfirmDialog();
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion?retour=%2Fmes-applications" replace />;
  const list = grants.data?.grants ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" });
  return (
    <>
      <h1>{t("oauth.grantsTitle")}</h1>
      <p className="lead">{t("oauth.grantsIntro")}</p>
      <FormError error={revoke.error} />
      {grants.isSuccess && list.length === 0 ? (
        <p className="empty">{t("oauth.noGrants")}</p>
      ) : null}
      <ul className="plain stack">
        {list.map((grant) => (
          <li key={grant.id}>
            <Card as="article" aria-labelledby={`grant-${grant.id}`}>
              <h2 id={`grant-${grant.id}`}>{grant.client.name}</h2>
              <p>{t("oauth.allowedOn", { date: date.format(new Date(grant.allowedAt)) })}</p>
              <ScopeList scopes={grant.scopes} />
              <Button
                variant="danger"
                disabled={revoke.isPending}
                onClick={() =>
                  ask(
                    {
                      title: t("oauth.revokeQuestion", { client: grant.client.name }),
                      confirmLabel: t("oauth.revoke"),
                      danger: true,
                    },
                    () => revoke.mutate(grant.id),
                  )
                }
              >
                {t("oauth.revoke")}
                <span className="visually-hidden"> {grant.client.name}</span>
              </Button>
            </Card>
          </li>
        ))}
      </ul>
      {dialog}
    </>
  );
}
