import { useTranslation } from "react-i18next";
import type { VerificationSummary } from "../../api/verify";
import { formatDate } from "../../i18n";

/** Dates in the reader's language; a second date only when it says something new. */
export function Dates({ summary, lang }: { summary: VerificationSummary; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  const issued = summary.issuedOn ?? summary.validFrom;
  const from =
    summary.validFrom &&
    (!issued || formatDate(summary.validFrom, lang) !== formatDate(issued, lang))
      ? summary.validFrom
      : undefined;
  return (
    <>
      {issued ? (
        <>
          <dt>{t("verifier.issuedOn")}</dt>
          <dd>{formatDate(issued, lang)}</dd>
        </>
      ) : null}
      {from ? (
        <>
          <dt>{t("verifier.validFrom")}</dt>
          <dd>{formatDate(from, lang)}</dd>
        </>
      ) : null}
      {summary.validUntil ? (
        <>
          <dt>{t("verifier.validUntil")}</dt>
          <dd>{formatDate(summary.validUntil, lang)}</dd>
        </>
      ) : null}
    </>
  );
}
