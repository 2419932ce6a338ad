import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { useLaureates } from "./use-public";

/** /laureats — the CFAs that meet the label rule. */
export function LaureatesPage() {
  const { t } = useTranslation();
  usePageTitle(t("laureates.title"));
  const query = useLaureates();
  if (query.isPending) return <p>{t("common.loading")}</p>;
  const list = query.data?.laureates ?? [];
  return (
    <>
      <h1>{t("laureates.title")}</h1>
      <p className="lead">{t("laureates.lead")}</p>
      <FormError error={query.error} />
      {list.length === 0 ? <p className="empty">{t("laureates.none")}</p> : null}
      <ul className="plain credential-list">
        {list.map((l) => (
          <Card as="li" key={l.slug}>
            <h2>
              <span aria-hidden="true">★ </span>
              <Link to={`/passports/${l.slug}`}>{l.name}</Link>
            </h2>
            <p className="muted">
              {l.city ? `${l.city} · ` : ""}
              {t("laureates.count", { count: l.count })}
            </p>
            <p>{l.badges.join(" · ")}</p>
          </Card>
        ))}
      </ul>
    </>
  );
}
