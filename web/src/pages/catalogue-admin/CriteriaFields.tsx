import { useTranslation } from "react-i18next";
import type { Criterion } from "../../api/catalogue-admin";
import { Button } from "../../components/Button";

/** A badge's criteria, each with its expected evidence (one per line); criteria added and removed in place. */
export function CriteriaFields({
  badgeId,
  criteria,
  onChange,
}: {
  badgeId: string;
  criteria: Criterion[];
  onChange: (criteria: Criterion[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("catalogueAdmin.criteria")}</legend>
      {criteria.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no identity but their place
        <div key={i} className="criterion-editor">
          <div className="field">
            <label htmlFor={`statement-${badgeId}-${i}`}>
              {t("catalogueAdmin.statement", { n: i + 1 })}
            </label>
            <textarea
              id={`statement-${badgeId}-${i}`}
              rows={2}
              value={c.statement}
              onChange={(e) =>
                onChange(
                  criteria.map((x, j) => (j === i ? { ...x, statement: e.target.value } : x)),
                )
              }
            />
          </div>
          <div className="field">
            <label htmlFor={`evidence-${badgeId}-${i}`}>
              {t("catalogueAdmin.evidence", { n: i + 1 })}
            </label>
            <p className="field__hint" id={`evidence-${badgeId}-${i}-hint`}>
              {t("catalogueAdmin.evidenceHint")}
            </p>
            <textarea
              id={`evidence-${badgeId}-${i}`}
              aria-describedby={`evidence-${badgeId}-${i}-hint`}
              rows={2}
              value={c.evidence.join("\n")}
              onChange={(e) =>
                onChange(
                  criteria.map((x, j) =>
                    j === i ? { ...x, evidence: e.target.value.split("\n") } : x,
                  ),
                )
              }
            />
          </div>
          <Button variant="secondary" onClick={() => onChange(criteria.filter((_, j) => j !== i))}>
            {t("catalogueAdmin.removeCriterion", { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() => onChange([...criteria, { statement: "", evidence: [] }])}
      >
        {t("catalogueAdmin.addCriterion")}
      </Button>
    </fieldset>
  );
}
