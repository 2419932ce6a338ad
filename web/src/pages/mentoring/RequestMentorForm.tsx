import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth";
import { Button } from "../../components/Button";
import { FormError, formValues, Notice, SelectField, TextAreaField } from "../../components/forms";
import { useRequestMentor } from "./use-mentoring";

/** A CFA without a mentor asks for one; a manager will pair it. */
export function RequestMentorForm({ cfas }: { cfas: Me["memberships"] }) {
  const { t } = useTranslation();
  const ask = useRequestMentor();
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
            message: v.message ?? "",
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h2>{t("mentoring.askTitle")}</h2>
      <FormError error={ask.error} />
      {ask.isSuccess ? <Notice>{t("mentoring.asked")}</Notice> : null}
      {cfas.length > 1 ? (
        <SelectField label={t("mentoring.organisation")} name="organisationId">
          {cfas.map((m) => (
            <option key={m.organisation.id} value={m.organisation.id}>
              {m.organisation.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextAreaField
        id="mentoring-message"
        label={t("mentoring.askMessage")}
        hint={t("mentoring.askHint")}
        name="message"
        rows={4}
        required
        minLength={3}
      />
      <Button type="submit" disabled={ask.isPending}>
        {t("mentoring.ask")}
      </Button>
    </form>
  );
}
