import { useTranslation } from "react-i18next";
import type { ManagedCollection } from "../../api/catalogue-admin";
import { Button } from "../../components/Button";
import { Field, FormError, formValues } from "../../components/forms";
import { useUpdateCollection } from "./use-catalogue-admin";

/** The draft's name and version, and the label's rule: how many badges, for how long. */
export function CollectionRuleForm({ collection }: { collection: ManagedCollection }) {
  const { t } = useTranslation();
  const rule = useUpdateCollection(collection.id);
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        rule.mutate({
          name: v.name,
          version: v.version,
          labelTotal: Number(v.labelTotal),
          labelValidityMonths: Number(v.labelValidityMonths),
        });
      }}
    >
      <h3>{t("catalogueAdmin.ruleTitle")}</h3>
      <FormError error={rule.error} />
      <Field
        label={t("catalogueAdmin.collectionName")}
        name="name"
        defaultValue={collection.name}
        required
      />
      <Field
        label={t("catalogueAdmin.version")}
        name="version"
        defaultValue={collection.version}
        required
      />
      <Field
        label={t("catalogueAdmin.labelTotal")}
        hint={t("catalogueAdmin.labelTotalHint")}
        name="labelTotal"
        type="number"
        min={1}
        defaultValue={collection.labelTotal}
        required
      />
      <Field
        label={t("catalogueAdmin.labelValidity")}
        name="labelValidityMonths"
        type="number"
        min={1}
        max={120}
        defaultValue={collection.labelValidityMonths}
        required
      />
      <Button type="submit" disabled={rule.isPending}>
        {t("catalogueAdmin.saveRule")}
      </Button>
    </form>
  );
}
