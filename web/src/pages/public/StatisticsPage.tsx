import { useTranslation } from "react-i18next";
import { buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { BarChart } from "./BarChart";
import { useStatistics } from "./use-public";

/** /statistiques — the programme's figures, as charts and as CSV. */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t("stats.title"));
  const query = useStatistics();
  if (query.isPending) return <p>{t("common.loading")}</p>;
  if (!query.data) return <FormError error={query.error} />;
  const s = query.data;
  const total = s.badgesPerYear.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      <ul className="figures plain">
        <Card as="li">
          <span className="figures__value">{total}</span>
          <span>{t("stats.delivered")}</span>
        </Card>
        <Card as="li">
          <span className="figures__value">{s.organisationsEngaged}</span>
          <span>{t("stats.engaged")}</span>
        </Card>
        <Card as="li">
          <span className="figures__value">{s.laureates}</span>
          <span>{t("stats.laureates")}</span>
        </Card>
      </ul>
      <BarChart
        title={t("stats.perYear")}
        rows={s.badgesPerYear.map((r) => ({ label: String(r.year), value: r.count }))}
      />
      <BarChart
        title={t("stats.perBadge")}
        rows={s.badgesPerBadge.map((r) => ({
          label: r.required ? `★ ${r.badge}` : r.badge,
          value: r.count,
          highlight: r.required,
        }))}
      />
      <p>
        <a className={buttonClass("secondary")} href="/api/public/statistics.csv" download>
          {t("stats.csv")}
        </a>
      </p>
    </>
  );
}
