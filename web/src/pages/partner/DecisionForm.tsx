import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Equivalence,
  equivalences,
  type Registration,
  type RegistrationDecision,
} from "../../api/partners";
import { Button } from "../../components/Button";
import { FormError, formValues } from "../../components/forms";
import { RadioGroup } from "../../components/RadioGroup";
import { TargetSelect } from "./TargetSelect";
import { useDecideRegistration } from "./use-registrations";

type Decision = RegistrationDecision["decision"];

/** A manager's decision on one registration: approve, refuse, or propose another target. */
export function DecisionForm({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>("approve");
  const ids = { motivation: useId() };
  const decide = useDecideRegistration(r.id);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        const [family = "", level] = (v.target ?? "").split("|");
        const motivation = v.motivation ?? "";
        decide.mutate(
          decision === "requalify"
            ? {
                decision,
                motivation,
                proposal: {
                  family,
                  level: Number(level),
                  equivalence: v.equivalence as Equivalence,
                },
              }
            : { decision, motivation },
        );
      }}
    >
      <FormError error={decide.error} />
      <RadioGroup
        legend={t("partnerAdmin.decision")}
        name="decision"
        options={(["approve", "refuse", "requalify"] as const).map((d) => ({
          value: d,
          label: t(`partnerAdmin.decisions.${d}`),
        }))}
        value={decision}
        onChange={setDecision}
      />
      {decision === "requalify" ? (
        <>
          <TargetSelect
            label={t("partnerAdmin.proposedTarget")}
            defaultValue={`${r.target.family}|${r.target.level}`}
          />
          <RadioGroup
            legend={t("partner.equivalenceLabel")}
            name="equivalence"
            options={equivalences.map((e) => ({
              value: e,
              label: t(`partner.equivalence.${e}`),
            }))}
            defaultValue={r.target.equivalence}
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={ids.motivation}>{t("partnerAdmin.motivation")}</label>
        <textarea
          id={ids.motivation}
          name="motivation"
          rows={3}
          required={decision !== "approve"}
          minLength={decision === "approve" ? 0 : 3}
        />
      </div>
      <Button type="submit" disabled={decide.isPending}>
        {t("partnerAdmin.record")}
        <span className="visually-hidden"> — {r.name}</span>
      </Button>
    </form>
  );
}
