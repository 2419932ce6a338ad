import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Equivalence, equivalences, type NewRegistration } from "../../api/partners";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, Notice, SelectField } from "../../components/forms";
import { RadioGroup } from "../../components/RadioGroup";
import { IssuerProofFields } from "./IssuerProofFields";
import { TargetSelect } from "./TargetSelect";
import { useOwnBadges } from "./use-own-badges";
import { useRegisterBadge } from "./use-registrations";

type Source = NewRegistration["source"];

/** Where the badge comes from, as the form's chosen source says. */
function sourceOf(source: Source, v: Record<string, string>) {
  if (source === "url") return { source, url: v.url ?? "" };
  if (source === "json") return { source, json: v.json ?? "" };
  return { source, badgeClassId: v.badgeClassId ?? "" };
}

/** Registers a badge (by link, as JSON, or one of the partner's Blason badges) against a target. */
export function RegistrationForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>("url");
  const ids = { justification: useId(), json: useId() };
  const own = useOwnBadges(orgId);
  const submit = useRegisterBadge();
  return (
    <details className="card">
      <summary>{t("partner.registerTitle")}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const v = formValues(form);
          const [family = "", level] = (v.target ?? "").split("|");
          const file = new FormData(form).get("proofFile");
          submit.mutate(
            {
              body: {
                organisationId: orgId,
                ...sourceOf(source, v),
                target: {
                  family,
                  level: Number(level),
                  equivalence: v.equivalence as Equivalence,
                },
                justification: v.justification ?? "",
                ...(v.issuerIri ? { issuerIri: v.issuerIri } : {}),
                ...(source !== "blason" && v.proof?.trim() ? { proof: v.proof.trim() } : {}),
              },
              proofFile: source !== "blason" && file instanceof File && file.size > 0 ? file : null,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <FormError
          error={submit.error}
          labels={{
            proof: t("partner.proofLegend"),
            issuerIri: t("partner.issuerIri"),
            document: t("partner.badgeDocument"),
          }}
        />
        {submit.isSuccess ? <Notice>{t("partner.registered")}</Notice> : null}
        <RadioGroup
          legend={t("partner.source")}
          name="source"
          options={(["url", "json", "blason"] as const).map((s) => ({
            value: s,
            label: t(`partner.sources.${s}`),
          }))}
          value={source}
          onChange={setSource}
        />
        {source === "url" ? (
          <Field label={t("partner.url")} name="url" type="url" required />
        ) : null}
        {source === "json" ? (
          <div className="field">
            <label htmlFor={ids.json}>{t("partner.json")}</label>
            <textarea id={ids.json} name="json" rows={6} required />
          </div>
        ) : null}
        {source === "blason" ? (
          <SelectField
            label={t("partner.ownBadge")}
            name="badgeClassId"
            hint={t("partner.ownBadgeHint")}
            required
          >
            {own.data?.badges.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TargetSelect label={t("partner.targetLabel")} />
        <RadioGroup
          legend={t("partner.equivalenceLabel")}
          name="equivalence"
          options={equivalences.map((e) => ({
            value: e,
            label: `${t(`partner.equivalence.${e}`)} — ${t(`partner.equivalenceHint.${e}`)}`,
          }))}
          defaultValue="one_for_one"
        />
        <div className="field">
          <label htmlFor={ids.justification}>{t("partner.justification")}</label>
          <textarea id={ids.justification} name="justification" rows={4} required minLength={10} />
        </div>
        {source !== "blason" ? (
          <>
            <Field
              label={t("partner.issuerIri")}
              name="issuerIri"
              hint={t("partner.issuerIriHint")}
              optional
            />
            <IssuerProofFields orgId={orgId} />
          </>
        ) : null}
        <Button type="submit" disabled={submit.isPending}>
          {t("partner.register")}
        </Button>
      </form>
    </details>
  );
}
