import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, DecisionBody } from "../../api/applications";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, formValues, TextAreaField } from "../../components/forms";
import { recipientKind } from "./presentation";

const OUTCOMES = ["granted", "revision_requested", "refused"] as const;

/** The commission's decision (or, decided as it comes, the Region's) and its reasons. */
export function DecisionForm({
  detail,
  decision,
}: {
  detail: ApplicationDetail;
  decision: UseMutationResult<unknown, Error, DecisionBody>;
}) {
  const { t } = useTranslation();
  return (
    <Card as="section" accent aria-labelledby="decision-title">
      <h2 id="decision-title">
        {detail.intake === "continuous"
          ? t("applications.decisionTitleContinuous")
          : t("applications.decisionTitle")}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          decision.mutate({
            outcome: v.outcome as DecisionBody["outcome"],
            motivation: v.motivation ?? "",
          });
        }}
      >
        <FormError error={decision.error} />
        <fieldset>
          <legend>{t("applications.outcome")}</legend>
          {OUTCOMES.map((o) => (
            <label key={o} className="checkbox">
              <input type="radio" name="outcome" value={o} required />{" "}
              {t(`applications.outcomes.${o}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id="motivation"
          label={t("applications.motivation")}
          hint={t(`applications.motivationHint.${recipientKind(detail.organisation.kind)}`)}
          name="motivation"
          rows={4}
          required
        />
        <Button type="submit" disabled={decision.isPending}>
          {t("applications.record")}
        </Button>
      </form>
    </Card>
  );
}
