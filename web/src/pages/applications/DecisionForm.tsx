import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, DecisionBody } from "../../api/applications";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorSummary, type FormProblem } from "../../components/ErrorSummary";
import { FormError, formValues, TextAreaField } from "../../components/forms";
import { recipientKind } from "./presentation";

const OUTCOMES = ["granted", "revision_requested", "refused"] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * The commission's decision (or, decided as it comes, the Region's) and its
 * reasons. No outcome is chosen at first; the form checks itself (its own
 * error summary, not the browser's bubble) and asks before recording.
 */
export function DecisionForm({
  detail,
  decision,
}: {
  detail: ApplicationDetail;
  decision: UseMutationResult<unknown, Error, DecisionBody>;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmDialog();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const names = { badge: detail.badge.name, organisation: detail.organisation.name };
  return (
    <Card as="section" accent aria-labelledby="decision-title">
      <h2 id="decision-title">
        {detail.intake === "continuous"
          ? t("applications.decisionTitleContinuous")
          : t("applications.decisionTitle")}
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          const outcome = OUTCOMES.find((o) => o === v.outcome);
          const motivation = (v.motivation ?? "").trim();
          const found: FormProblem[] = [
            ...(outcome
              ? []
              : [{ field: "outcome-granted", message: t("applications.confirm.noOutcome") }]),
            ...(motivation
              ? []
              : [{ field: "motivation", message: t("applications.confirm.noMotivation") }]),
          ];
          setProblems(found);
          setAttempt((n) => n + 1);
          if (!outcome || found.length > 0) return;
          confirm.ask(
            {
              title: t("applications.confirm.decisionTitle"),
              children: (
                <p>{t(`applications.confirm.decision.${outcome satisfies Outcome}`, names)}</p>
              ),
              confirmLabel: t("applications.confirm.decisionYes"),
              danger: outcome === "refused",
            },
            () => decision.mutate({ outcome, motivation }),
          );
        }}
      >
        <ErrorSummary problems={problems} attempt={attempt} />
        <FormError error={decision.error} />
        <fieldset
          className={problemOf("outcome-granted") ? "field--error" : undefined}
          {...(problemOf("outcome-granted") ? { "aria-describedby": "outcome-error" } : {})}
        >
          <legend>{t("applications.outcome")}</legend>
          {problemOf("outcome-granted") ? (
            <p className="field__error" id="outcome-error">
              <span aria-hidden="true">⚠ </span>
              {problemOf("outcome-granted")}
            </p>
          ) : null}
          {OUTCOMES.map((o, i) => (
            <label key={o} className="checkbox">
              <input
                type="radio"
                name="outcome"
                value={o}
                required
                {...(i === 0 ? { id: "outcome-granted" } : {})}
              />{" "}
              {t(`applications.outcomes.${o}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id="motivation"
          label={t("applications.motivation")}
          hint={t(`applications.motivationHint.${recipientKind(detail.organisation.kind)}`)}
          error={problemOf("motivation")}
          name="motivation"
          rows={4}
          required
        />
        <Button type="submit" disabled={decision.isPending}>
          {t("applications.record")}
        </Button>
      </form>
      {confirm.dialog}
    </Card>
  );
}
