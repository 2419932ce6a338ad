import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field, FormError, formValues } from "../../components/forms";
import { useAddBadge } from "./use-catalogue-admin";

/** A new badge in the draft: its name, what it recognises, a first criterion. */
export function NewBadgeForm({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const add = useAddBadge(draftId);
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        add.mutate({
          name: v.name ?? "",
          slug: v.slug ?? "",
          recognises: v.recognises ?? "",
          criteria: [
            {
              statement: v.statement ?? "",
              evidence: (v.evidence ?? "").split("\n").filter((e) => e.trim()),
            },
          ],
          required: false,
          validityMonths: Number(v.validityMonths),
          renewalExtra: null,
          alignments: [],
          color: "#1d6b3a",
        });
        if (add.isSuccess) event.currentTarget.reset();
      }}
    >
      <h3>{t("catalogueAdmin.addTitle")}</h3>
      <FormError error={add.error} />
      <Field label={t("catalogueAdmin.name")} name="name" required />
      <Field
        label={t("catalogueAdmin.slug")}
        hint={t("catalogueAdmin.slugHint")}
        name="slug"
        required
      />
      <div className="field">
        <label htmlFor="new-recognises">{t("catalogueAdmin.recognises")}</label>
        <textarea id="new-recognises" name="recognises" rows={2} />
      </div>
      <div className="field">
        <label htmlFor="new-statement">{t("catalogueAdmin.statement", { n: 1 })}</label>
        <textarea id="new-statement" name="statement" rows={2} />
      </div>
      <div className="field">
        <label htmlFor="new-evidence">{t("catalogueAdmin.evidence", { n: 1 })}</label>
        <textarea id="new-evidence" name="evidence" rows={2} />
      </div>
      <Field
        label={t("catalogueAdmin.validity")}
        name="validityMonths"
        type="number"
        min={1}
        max={120}
        defaultValue={48}
        required
      />
      <Button type="submit" disabled={add.isPending}>
        {t("catalogueAdmin.add")}
      </Button>
    </form>
  );
}
