import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../api/applications";
import { Card } from "../../components/Card";
import { ReopenReview } from "./ReopenReview";

/** The panel's reviews as the reader may see them: recommendation, ratings, comment. */
export function Reviews({ detail, onChange }: { detail: ApplicationDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const reviews = detail.reviews;
  if (!reviews.length) return null;
  return (
    <Card as="section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("applications.reviewsTitle")}</h2>
      <ul className="plain reviews">
        {reviews.map((r) => (
          <li key={r.reviewerId}>
            <p>
              <strong>{r.name}</strong> —{" "}
              {r.state === "submitted" && r.recommendation
                ? t(`applications.recommendations.${r.recommendation}`)
                : t(`applications.reviewStates.${r.state}`)}
            </p>
            {r.ratings ? (
              <p className="muted">
                {Object.entries(r.ratings)
                  .map(([k, v]) =>
                    t("common.labelled", {
                      label: t("applications.criterion", { n: Number(k) + 1 }),
                      value: `${v}/4`,
                    }),
                  )
                  .join(" · ")}
              </p>
            ) : null}
            {r.comment ? <p>{r.comment}</p> : null}
            {detail.can.reopen && r.state === "submitted" ? (
              <ReopenReview detail={detail} review={r} onChange={onChange} />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
