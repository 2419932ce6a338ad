import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type PublicBadge, sameOriginPath } from "../../api/catalogue";
import { Chip } from "../../components/Chip";

/** A badge of the catalogue: its image large, its name, a gold chip if the label requires it. */
export function BadgeCard({ badge }: { badge: PublicBadge }) {
  const { t } = useTranslation();
  return (
    <li className="badge-card">
      <Link to={`/badges/${badge.id}`} className="badge-card__link">
        <img src={sameOriginPath(badge.image)} alt="" width={160} height={176} loading="lazy" />
        <span className="badge-card__name">{badge.name}</span>
      </Link>
      {badge.required ? (
        <Chip tone="gold">
          <span aria-hidden="true">★ </span>
          {t("catalogue.required")}
        </Chip>
      ) : null}
    </li>
  );
}
