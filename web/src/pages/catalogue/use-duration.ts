import { useTranslation } from "react-i18next";

/** "3 ans", "18 mois": a validity in the reader's words. */
export function useDuration() {
  const { t } = useTranslation();
  return (months: number) =>
    months % 12 === 0
      ? t("catalogue.years", { count: months / 12 })
      : t("catalogue.months", { count: months });
}
