import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { Alert } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { useMe, usePageTitle } from "../../components/hooks";
import { ScopeList } from "./ScopeList";
import { useAnswerConsent, useConsentRequest } from "./use-oauth";

/** /autorisation/:uid — an application asks to act for the signed-in person; they allow or refuse. */
export function ConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t("oauth.consentTitle"));
  const uid = useParams().uid ?? "";
  const { data: me, isPending } = useMe();
  const asked = useConsentRequest(uid, !!me);
  const answer = useAnswerConsent(uid);
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me)
    return (
      <div className="narrow">
        <h1>{t("oauth.consentTitle")}</h1>
        <p>{t("oauth.signInFirst")}</p>
        <Link
          className={buttonClass("primary")}
          to={`/connexion?retour=${encodeURIComponent(`/autorisation/${uid}`)}`}
        >
          {t("oauth.signIn")}
        </Link>
      </div>
    );
  if (asked.error)
    return (
      <div className="narrow">
        <h1>{t("oauth.consentTitle")}</h1>
        <Alert tone="error">
          {asked.error instanceof ApiError && asked.error.status === 404
            ? t("oauth.expired")
            : asked.error.message}
        </Alert>
      </div>
    );
  if (!asked.data) return <p>{t("common.loading")}</p>;
  const { client, scopes } = asked.data;
  return (
    <div className="narrow">
      <h1>{t("oauth.consentTitle")}</h1>
      <Card as="section" aria-labelledby="consent-client">
        <h2 id="consent-client">{t("oauth.asks", { client: client.name })}</h2>
        {client.uri ? (
          <p>
            {t("oauth.clientSite")} <span className="mono">{client.uri}</span>
          </p>
        ) : null}
        <p>{t("oauth.asksFor", { name: me.user.name })}</p>
        <ScopeList scopes={scopes} />
        <p>{t("oauth.revokeLater")}</p>
        <FormError error={answer.error} />
        <div className="actions">
          <Button disabled={answer.isPending} onClick={() => answer.mutate(true)}>
            {t("oauth.allow")}
          </Button>
          <Button
            variant="secondary"
            disabled={answer.isPending}
            onClick={() => answer.mutate(false)}
          >
            {t("oauth.refuse")}
          </Button>
        </div>
      </Card>
    </div>
  );
}
