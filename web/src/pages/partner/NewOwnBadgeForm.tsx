import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field, FormError, formValues } from "../../components/forms";
import { useCreateOwnBadge } from "./use-own-badges";

/** A new badge of the partner's: what it recognises, its criteria one a line, its validity. */
export function NewOwnBadgeForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const create = useCreateOwnBadge(orgId);
  const ids = { recognises: useId(), criteria: useId() };
  return (
    <details className="card">
      <summary>{t("partner.createTitle")}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const v = formValues(form);
          create.mutate(
            {
              name: v.name ?? "",
              recognises: v.recognises ?? "",
              criteria: (v.criteria ?? "")
                .split("\n")
                .map((s) => s.trim())
                .filter(Boolean)
                .map((statement) => ({ statement, evidence: [] })),
              validityMonths: Number(v.validityMonths),
              color: v.color ?? "",
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <FormError error={create.error} />
        <Field label={t("partner.badgeName")} name="name" required minLength={2} />
        <div className="field">
          <label htmlFor={ids.recognises}>{t("partner.recognises")}</label>
          <textarea id={ids.recognises} name="recognises" rows={3} required minLength={10} />
        </div>
        <div className="field">
          <label htmlFor={ids.criteria}>{t("partner.criteria")}</label>
          <p className="field__hint" id={`${ids.criteria}-hint`}>
            {t("partner.criteriaHint")}
          </p>
          <textarea
            id={ids.criteria}
            name="criteria"
            rows={4}
            required
            aria-describedby={`${ids.criteria}-hint`}
          />
        </div>
        <Field
          label={t("partner.validityMonths")}
          name="validityMonths"
          type="number"
          min={1}
          max={120}
          defaultValue={36}
          required
        />
        <Field label={t("partner.color")} name="color" type="color" defaultValue="#1f5f8b" />
        <Button type="submit" disabled={create.isPending}>
          {t("partner.create")}
        </Button>
      </form>
    </details>
  );
}
