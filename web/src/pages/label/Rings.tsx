import { useTranslation } from "react-i18next";
import type { LabelProgress } from "../../api/label";

/** Two rings: badges counted towards the total (outer), required ones held (inner). */
export function Rings({ progress }: { progress: LabelProgress }) {
  const { t } = useTranslation();
  const ring = (radius: number, fraction: number, className: string) => {
    const length = 2 * Math.PI * radius;
    return (
      <>
        <circle className="ring__track" cx="90" cy="90" r={radius} />
        <circle
          className={className}
          cx="90"
          cy="90"
          r={radius}
          strokeDasharray={`${Math.min(1, fraction) * length} ${length}`}
          transform="rotate(-90 90 90)"
        />
      </>
    );
  };
  const caption = t("label.ringsCaption", {
    count: progress.count,
    total: progress.total,
    required: progress.requiredHeld,
    requiredTotal: progress.requiredTotal,
  });
  return (
    <figure className="rings">
      <svg
        viewBox="0 0 180 180"
        width="180"
        height="180"
        role="img"
        aria-labelledby="rings-caption"
      >
        <title>{caption}</title>
        {ring(80, progress.count / progress.total, "ring__total")}
        {ring(62, progress.requiredHeld / progress.requiredTotal, "ring__required")}
        <text x="90" y="88" textAnchor="middle" className="rings__count">
          {progress.count}/{progress.total}
        </text>
        <text x="90" y="110" textAnchor="middle" className="rings__sub">
          {t("label.badges")}
        </text>
      </svg>
      <figcaption id="rings-caption">{caption}</figcaption>
    </figure>
  );
}
