import { useTranslation } from "react-i18next";
import type { LabelRequestView } from "../../api/label";
import { Button } from "../../components/Button";
import { FormError, TextAreaField } from "../../components/forms";
import { useLabelDecision } from "./use-label";

/** A manager confirms (only while the check still holds) or refuses a request, saying why. */
export function LabelDecision({ request }: { request: LabelRequestView }) {
  const { t } = useTranslation();
  const decide = useLabelDecision(request.id);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const motivation = new FormData(event.currentTarget).get("motivation");
        if (typeof motivation === "string")
          decide.mutate({
            decision: submitter?.value === "refuse" ? "refuse" : "confirm",
            motivation,
          });
      }}
    >
      <FormError error={decide.error} />
      <TextAreaField
        id={`motivation-${request.id}`}
        label={t("label.requests.motivation")}
        hint={t("label.requests.motivationHint")}
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
          <span className="visually-hidden"> — {request.organisation.name}</span>
        </Button>
        <Button
          type="submit"
          name="decision"
          value="refuse"
          variant="secondary"
          disabled={decide.isPending}
        >
          {t("label.requests.refuse")}
          <span className="visually-hidden"> — {request.organisation.name}</span>
        </Button>
      </p>
    </form>
  );
}
