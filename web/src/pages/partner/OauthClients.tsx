import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Field, FormError, formValues } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useOauthClients } from "./use-oauth-clients";

/** OAuth 2.0 clients (client credentials) of the partner's systems, beside its API keys. */
export function OauthClients({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { list, create, revoke } = useOauthClients(orgId);
  if (list.error) return null;
  return (
    <section aria-labelledby="oauth-clients-title">
      <h2 id="oauth-clients-title">{t("oauth.partnerTitle")}</h2>
      <p>{t("oauth.partnerIntro")}</p>
      {create.data ? (
        <Alert tone="info" role="status">
          <p>{t("oauth.partnerSecretOnce", { url: create.data.tokenUrl })}</p>
          <dl>
            <dt>client_id</dt>
            <dd>
              <code>{create.data.clientId}</code>
            </dd>
            <dt>client_secret</dt>
            <dd>
              <code>{create.data.clientSecret}</code>
            </dd>
            <dt>scope</dt>
            <dd>
              <code>{create.data.scope}</code>
            </dd>
          </dl>
        </Alert>
      ) : null}
      <FormError error={revoke.error} />
      <ul className="plain">
        {list.data?.clients.map((c) => (
          <Card as="li" key={c.clientId}>
            <strong>{c.name}</strong> <code>{c.clientId}</code>
            <p className="muted">
              {t("partner.keyCreated", { date: formatDate(c.createdAt, i18n.language) })}
            </p>
            <Button variant="secondary" onClick={() => revoke.mutate(c.clientId)}>
              {t("oauth.revoke")}
              <span className="visually-hidden"> — {c.name}</span>
            </Button>
          </Card>
        ))}
      </ul>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          create.mutate(formValues(form).name ?? "", { onSuccess: () => form.reset() });
        }}
      >
        <FormError error={create.error} />
        <Field label={t("oauth.partnerName")} name="name" required minLength={2} />
        <Button type="submit">{t("oauth.partnerCreate")}</Button>
      </form>
    </section>
  );
}
