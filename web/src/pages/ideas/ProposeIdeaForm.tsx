import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, Notice, TextAreaField } from "../../components/forms";
import { OrganisationSelect } from "../../components/OrganisationSelect";
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
      <OrganisationSelect label={t("ideas.organisation")} memberships={cfas} />
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
