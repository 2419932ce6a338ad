import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, Notice, TextAreaField } from "../../components/forms";
import { OrganisationSelect } from "../../components/OrganisationSelect";
import { useAsk } from "./use-support";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A CFA member asks for advice: badges considered, themes, its question. */
export function AskForm({ cfas }: { cfas: Me["memberships"] }) {
  const { t } = useTranslation();
  const ask = useAsk();
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const v = formValues(form);
        ask.mutate(
          {
            organisationId: v.organisationId ?? cfas[0]!.organisation.id,
            badges: list(v.badges),
            themes: list(v.themes),
            question: v.question ?? "",
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h2>{t("support.askTitle")}</h2>
      <FormError error={ask.error} />
      {ask.isSuccess ? <Notice>{t("support.sent")}</Notice> : null}
      <OrganisationSelect label={t("support.organisation")} memberships={cfas} />
      <Field label={t("support.badges")} hint={t("support.listHint")} name="badges" optional />
      <Field label={t("support.themes")} hint={t("support.listHint")} name="themes" optional />
      <TextAreaField
        id="support-question"
        label={t("support.question")}
        name="question"
        rows={4}
        required
        minLength={10}
      />
      <Button type="submit" disabled={ask.isPending}>
        {t("support.ask")}
      </Button>
    </form>
  );
}
