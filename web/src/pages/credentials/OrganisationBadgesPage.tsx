import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError, Unavailable } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { StatusChip } from "../../components/StatusChip";
import { formatDate } from "../../i18n";
import { Downloads } from "./Downloads";
import { RevokeForm } from "./RevokeForm";
import { useOrganisationCredentials } from "./use-credentials";

/** /organisations/:id/badges — what an organisation holds; its members accept or decline. */
export function OrganisationBadgesPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const { query, answer, visibility, refresh } = useOrganisationCredentials(id);
  const confirm = useConfirmDialog();
  usePageTitle(t("credential.listTitle"));
  if (!query.data) return <Unavailable query={query} title={t("credential.listTitle")} />;
  const member = me.data?.memberships.some((m) => m.organisation.id === id);
  const manager = hasRole(me.data, "programme_manager");
  const list = query.data.credentials;
  return (
    <>
      <p>
        <Link to={`/organisations/${id}`}>{t("common.back")}</Link>
      </p>
      <h1>{t("credential.listTitle")}</h1>
      <FormError error={answer.error ?? visibility.error} />
      {list.length === 0 ? <p className="empty">{t("credential.none")}</p> : null}
      <ul className="credential-list plain">
        {list.map((c) => (
          <Card as="li" key={c.id} className="credential-row">
            <img src={sameOriginPath(c.badge.image)} alt="" width={96} height={106} />
            <div>
              <h2>
                <Link to={`/credentials/${c.id}`}>{c.badge.name}</Link>
              </h2>
              <p>
                {t("credential.issuedOn")} {formatDate(c.validFrom, i18n.language)}
                {c.validUntil
                  ? ` · ${t("credential.validUntil")} ${formatDate(c.validUntil, i18n.language)}`
                  : ""}
              </p>
              <StatusChip status={c.status} />{" "}
              {c.status !== "revoked" ? <Chip>{t(`credential.claim.${c.claimState}`)}</Chip> : null}
              {member && c.claimState === "pending" && c.status !== "revoked" ? (
                <p className="actions">
                  <Button
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: c.id, answer: "accept" })}
                  >
                    {t("credential.accept", { badge: c.badge.name })}
                  </Button>
                  <Button
                    variant="danger"
                    disabled={answer.isPending}
                    onClick={() =>
                      confirm.ask(
                        {
                          title: t("credential.declineConfirm"),
                          confirmLabel: t("credential.decline"),
                          danger: true,
                        },
                        () => answer.mutate({ id: c.id, answer: "decline" }),
                      )
                    }
                  >
                    {t("credential.decline")}
                  </Button>
                </p>
              ) : null}
              {c.claimState === "accepted" && c.status !== "revoked" ? (
                <Downloads credential={c} />
              ) : null}
              {member && c.claimState === "accepted" && c.status !== "revoked" ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={c.shownPublicly}
                    disabled={visibility.isPending}
                    onChange={(event) =>
                      visibility.mutate({ id: c.id, shown: event.target.checked })
                    }
                  />
                  {t("credential.shownPublicly")}
                </label>
              ) : null}
              {manager && c.status !== "revoked" ? (
                <RevokeForm credential={c} onDone={refresh} />
              ) : null}
            </div>
          </Card>
        ))}
      </ul>
      {confirm.dialog}
    </>
  );
}
