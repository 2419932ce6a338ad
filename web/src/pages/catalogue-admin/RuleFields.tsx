import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BadgeRule, DraftBadge } from "../../api/catalogue-admin";
import { Field, SelectField } from "../../components/forms";

/** Programme 2: how the badge is earned, as data (a competence and level, an aggregate, a participation). */
export function RuleFields({ badge }: { badge: DraftBadge }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(String(badge.rule?.kind ?? "level"));
  return (
    <fieldset>
      <legend>{t("catalogueAdmin.rule.title")}</legend>
      <SelectField
        label={t("catalogueAdmin.rule.kind")}
        name="ruleKind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
      >
        {(["level", "aggregate", "participation"] as const).map((k) => (
          <option key={k} value={k}>
            {t(`catalogueAdmin.rule.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === "level" ? (
        <Field
          label={t("catalogueAdmin.rule.family")}
          hint={t("catalogueAdmin.rule.familyHint")}
          name="ruleFamily"
          defaultValue={String(badge.rule?.family ?? "")}
          required
        />
      ) : null}
      {kind !== "participation" ? (
        <Field
          label={t("catalogueAdmin.rule.level")}
          name="ruleLevel"
          type="number"
          min={1}
          max={9}
          defaultValue={Number(badge.rule?.level ?? 1)}
          required
        />
      ) : null}
      {kind === "aggregate" ? (
        <Field
          label={t("catalogueAdmin.rule.distinctFamilies")}
          name="ruleDistinct"
          type="number"
          min={1}
          max={20}
          defaultValue={Number(badge.rule?.distinctFamilies ?? 3)}
          required
        />
      ) : null}
      {kind === "participation" ? (
        <SelectField
          label={t("catalogueAdmin.rule.participation")}
          name="ruleParticipation"
          defaultValue={String(badge.rule?.participation ?? "participant")}
        >
          <option value="participant">{t("partner.onboarding.participant")}</option>
          <option value="ambassador">{t("partner.onboarding.ambassador")}</option>
        </SelectField>
      ) : null}
    </fieldset>
  );
}

type Participation = Extract<BadgeRule, { kind: "participation" }>["participation"];

/** The rule the form describes, as the API takes it. */
export function ruleFrom(v: Record<string, string>): BadgeRule {
  if (v.ruleKind === "level")
    return { kind: "level", family: v.ruleFamily ?? "", level: Number(v.ruleLevel) };
  if (v.ruleKind === "aggregate")
    return {
      kind: "aggregate",
      level: Number(v.ruleLevel),
      distinctFamilies: Number(v.ruleDistinct),
    };
  return {
    kind: "participation",
    participation: (v.ruleParticipation ?? "participant") as Participation,
  };
}
