import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth";
import { Button } from "../../components/Button";
import {
  Field,
  FormError,
  formValues,
  Notice,
  SelectField,
  TextAreaField,
} from "../../components/forms";
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
      {cfas.length > 1 ? (
        <SelectField label={t("support.organisation")} name="organisationId">
          {cfas.map((m) => (
            <option key={m.organisation.id} value={m.organisation.id}>
              {m.organisation.name}
            </option>
          ))}
        </SelectField>
      ) : null}
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
