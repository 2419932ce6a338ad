import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Field, FormError, formValues } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useApiKeys } from "./use-api-keys";

/** The keys the partner's own systems award its badges with; a new key's secret is shown once. */
export function ApiKeys({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { list, create, revoke } = useApiKeys(orgId);
  // Only the partner's administrators manage keys: others are not shown this section.
  if (list.error) return null;
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t("partner.keysTitle")}</h2>
      <p>{t("partner.keysIntro")}</p>
      {create.data ? (
        <Alert tone="info" role="status">
          <p>{t("partner.secretOnce")}</p>
          <p>
            <code>{create.data.secret}</code>
          </p>
        </Alert>
      ) : null}
      <FormError error={revoke.error} />
      <ul className="plain">
        {list.data?.clients.map((c) => (
          <Card as="li" key={c.id}>
            <strong>{c.name}</strong> <code>{c.prefix}…</code>
            <p className="muted">
              {t("partner.keyCreated", { date: formatDate(c.createdAt, i18n.language) })}
              {c.lastUsedAt
                ? ` · ${t("partner.keyUsed", { date: formatDate(c.lastUsedAt, i18n.language) })}`
                : ""}
              {c.revokedAt ? ` · ${t("partner.keyRevoked")}` : ""}
            </p>
            {c.revokedAt ? null : (
              <Button variant="secondary" onClick={() => revoke.mutate(c.id)}>
                {t("partner.revokeKey")}
                <span className="visually-hidden"> — {c.name}</span>
              </Button>
            )}
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
        <Field label={t("partner.keyName")} name="name" required minLength={2} />
        <Button type="submit">{t("partner.createKey")}</Button>
      </form>
    </section>
  );
}
