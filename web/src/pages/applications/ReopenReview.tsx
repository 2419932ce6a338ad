import { useTranslation } from "react-i18next";
import type { ApplicationDetail, Review } from "../../api/applications";
import { Button } from "../../components/Button";
import { FormError, formValues, TextAreaField } from "../../components/forms";
import { useReopenReview } from "./use-application";

/** A manager gives a submitted review back to its reviewer, saying why (the audit log keeps it). */
export function ReopenReview({
  detail,
  review,
  onChange,
}: {
  detail: ApplicationDetail;
  review: Review;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const reopen = useReopenReview(detail.id, review.reviewerId, onChange);
  return (
    <details className="reopen">
      <summary>{t("applications.reopen.open", { name: review.name })}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reopen.mutate(formValues(event.currentTarget).reason ?? "");
        }}
      >
        <FormError error={reopen.error} />
        <TextAreaField
          label={t("applications.reopen.reason")}
          hint={t("applications.reopen.hint")}
          name="reason"
          rows={2}
          required
          minLength={3}
        />
        <Button type="submit" variant="secondary" disabled={reopen.isPending}>
          {t("applications.reopen.submit")}
        </Button>
      </form>
    </details>
  );
}
