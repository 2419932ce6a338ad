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
import { useProposeIdea } from "./use-ideas";

/** A CFA member proposes a badge (for which of their CFAs, when they belong to several). */
export function ProposeIdeaForm({ cfas }: { cfas: Me["memberships"] }) {
  const { t } = useTranslation();
  const propose = useProposeIdea();
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const v = formValues(form);
        propose.mutate(
          {
            organisationId: v.organisationId ?? cfas[0]!.organisation.id,
            title: v.title ?? "",
            description: v.description ?? "",
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h2>{t("ideas.proposeTitle")}</h2>
      <FormError error={propose.error} />
      {propose.isSuccess ? <Notice>{t("ideas.sent")}</Notice> : null}
      {cfas.length > 1 ? (
        <SelectField label={t("ideas.organisation")} name="organisationId">
          {cfas.map((m) => (
            <option key={m.organisation.id} value={m.organisation.id}>
              {m.organisation.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field label={t("ideas.titleLabel")} name="title" required minLength={3} maxLength={120} />
      <TextAreaField
        id="idea-description"
        label={t("ideas.descriptionLabel")}
        hint={t("ideas.descriptionHint")}
        name="description"
        rows={5}
        required
        minLength={10}
      />
      <Button type="submit" disabled={propose.isPending}>
        {t("ideas.propose")}
      </Button>
    </form>
  );
}
