import { useTranslation } from "react-i18next";

/** Shown in the page's place while its script loads: announced politely, never a blank page. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite" className="muted">
      {t("common.loading")}
    </p>
  );
}
