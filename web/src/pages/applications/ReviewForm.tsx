import { useTranslation } from "react-i18next";
import type { ApplicationDetail, Review, ReviewBody } from "../../api/applications";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, formValues, SelectField } from "../../components/forms";
import { RadioGroup } from "../../components/RadioGroup";
import { useReview } from "./use-application";

const RATINGS = [1, 2, 3, 4] as const;

/** A reviewer rates each criterion (1 to 4), recommends, comments; or recuses themselves. */
export function ReviewForm({
  detail,
  onChange,
  previous,
}: {
  detail: ApplicationDetail;
  onChange: () => void;
  /** A review given back by a manager: the form starts from it. */
  previous?: Review | undefined;
}) {
  const { t } = useTranslation();
  const { submit, recusal } = useReview(detail.id, onChange);
  return (
    <Card as="section" aria-labelledby="review-title">
      <h2 id="review-title">{t("applications.reviewTitle")}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          submit.mutate({
            ratings: Object.fromEntries(
              detail.badge.criteria.map((_, i) => [String(i), Number(v[`r${i}`])]),
            ),
            recommendation: v.recommendation as ReviewBody["recommendation"],
            comment: v.comment ?? "",
          });
        }}
      >
        <FormError error={submit.error} />
        {detail.badge.criteria.map((c, i) => (
          <RadioGroup
            key={c.statement}
            legend={
              <>
                {t("applications.criterion", { n: i + 1 })} — {c.statement}
              </>
            }
            name={`r${i}`}
            required
            defaultValue={RATINGS.find((n) => previous?.ratings?.[String(i)] === n)}
            options={RATINGS.map((n) => ({ value: n, label: t(`applications.ratings.${n}`) }))}
          />
        ))}
        <SelectField
          label={t("applications.recommendation")}
          name="recommendation"
          required
          defaultValue={previous?.recommendation ?? undefined}
        >
          <option value="grant">{t("applications.recommendations.grant")}</option>
          <option value="revise">{t("applications.recommendations.revise")}</option>
          <option value="refuse">{t("applications.recommendations.refuse")}</option>
        </SelectField>
        <div className="field">
          <label htmlFor="review-comment">{t("applications.comment")}</label>
          <textarea
            id="review-comment"
            name="comment"
            rows={4}
            required
            defaultValue={previous?.comment ?? ""}
          />
        </div>
        <p className="actions">
          <Button type="submit" disabled={submit.isPending}>
            {t("applications.submitReview")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              const reason = window.prompt(t("applications.recusePrompt"));
              if (reason) recusal.mutate(reason);
            }}
          >
            {t("applications.recuse")}
          </Button>
        </p>
        <FormError error={recusal.error} />
      </form>
    </Card>
  );
}
