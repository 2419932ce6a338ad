import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LabelRequestView } from "../../api/label";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorSummary, type FormProblem } from "../../components/ErrorSummary";
import { FormError, TextAreaField } from "../../components/forms";
import { useLabelDecision } from "./use-label";

/**
 * A manager confirms (only while the check still holds) or refuses a request,
 * saying why. The form checks itself (its own error summary) and asks first.
 */
export function LabelDecision({ request }: { request: LabelRequestView }) {
  const { t } = useTranslation();
  const decide = useLabelDecision(request.id);
  const confirm = useConfirmDialog();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fieldId = `motivation-${request.id}`;
  const organisation = request.organisation.name;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const decision = submitter?.value === "refuse" ? "refuse" : "confirm";
        const value = new FormData(event.currentTarget).get("motivation");
        const motivation = typeof value === "string" ? value.trim() : "";
        const found =
          motivation.length >= 3
            ? []
            : [{ field: fieldId, message: t("label.requests.confirmDialog.noMotivation") }];
        setProblems(found);
        setAttempt((n) => n + 1);
        if (found.length > 0) return;
        confirm.ask(
          {
            title: t(`label.requests.confirmDialog.${decision}Title`, { organisation }),
            children: <p>{t(`label.requests.confirmDialog.${decision}Body`, { organisation })}</p>,
            confirmLabel: t(`label.requests.confirmDialog.${decision}Yes`),
            danger: decision === "refuse",
          },
          () => decide.mutate({ decision, motivation }),
        );
      }}
    >
      <ErrorSummary problems={problems} attempt={attempt} />
      <FormError error={decide.error} />
      <TextAreaField
        id={fieldId}
        label={t("label.requests.motivation")}
        hint={t("label.requests.motivationHint")}
        error={problems[0]?.message}
        name="motivation"
        rows={3}
        required
        minLength={3}
      />
      <p className="links">
        <Button
          type="submit"
          name="decision"
          value="confirm"
          disabled={decide.isPending || !request.now?.eligible}
        >
          {t("label.requests.confirm")}
          <span className="visually-hidden"> — {organisation}</span>
        </Button>
        <Button
          type="submit"
          name="decision"
          value="refuse"
          variant="secondary"
          disabled={decide.isPending}
        >
          {t("label.requests.refuse")}
          <span className="visually-hidden"> — {organisation}</span>
        </Button>
      </p>
      {confirm.dialog}
    </form>
  );
}
