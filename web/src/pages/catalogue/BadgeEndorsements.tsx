import { useTranslation } from "react-i18next";
import type { PublicBadge } from "../../api/catalogue";

/** Who endorses the badge and what they say, each with its signed credential. */
export function BadgeEndorsements({ endorsements }: { endorsements: PublicBadge["endorsements"] }) {
  const { t } = useTranslation();
  if (endorsements.length === 0) return null;
  return (
    <>
      <h2 id="approbations">{t("endorsements.badgeTitle")}</h2>
      <ul className="endorsements">
        {endorsements.map((e) => (
          <li key={e.url}>
            <p>
              <strong>{e.endorser}</strong>
            </p>
            <blockquote>{e.statement}</blockquote>
            <p>
              <a href={e.url}>{t("endorsements.signedLink", { endorser: e.endorser })}</a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
