import { useTranslation } from "react-i18next";
import type { VerificationReport } from "../../api/verify";
import { StatusChip } from "../../components/StatusChip";
import { BadgeImage } from "./BadgeImage";
import { Dates } from "./Dates";
import { Endorsements } from "./Endorsements";
import { Holder, Secondary } from "./Holder";
import { badgeStatuses, displayableImage } from "./report-status";

const STATUS_ICON = { passed: "✓", failed: "✗", warning: "!", not_applicable: "–" } as const;

/** The verdict, what the badge says (name, issuer, holder, dates, status), then every step. */
export function Report({
  report,
  lang,
  sentFile,
}: {
  report: VerificationReport;
  lang: "fr" | "en";
  /** The uploaded file's local address: a baked badge's own image. */
  sentFile?: string | undefined;
}) {
  const { t } = useTranslation();
  const { summary } = report;
  const failed = report.steps.filter((s) => s.status === "failed");
  const baked = report.source === "png" || report.source === "svg" ? sentFile : undefined;
  const images = [displayableImage(summary.image), baked].filter((i): i is string => !!i);
  return (
    <section aria-labelledby="verify-verdict" className="report">
      <div className={`verdict verdict--${report.verified ? "ok" : "failed"}`}>
        <span className="verdict__icon" aria-hidden="true">
          {report.verified ? "✓" : "✗"}
        </span>
        <div>
          <h2 id="verify-verdict">
            {report.verified ? t("verifier.verified") : t("verifier.notVerified")}
          </h2>
          <p>
            {report.verified
              ? t("verifier.verifiedText", { format: t(`verifier.formats.${report.format}`) })
              : (failed[0]?.reason[lang] ?? t("verifier.notVerifiedText"))}
          </p>
        </div>
      </div>
      {summary.name || summary.issuerName ? (
        <div className="card report__summary">
          {images.length ? (
            <BadgeImage
              key={images.join(" ")}
              sources={images}
              alt={summary.name ? t("catalogue.imageAlt", { name: summary.name }) : ""}
            />
          ) : null}
          <dl className="facts">
            {summary.name ? (
              <>
                <dt>{t("verifier.badge")}</dt>
                <dd>{summary.name}</dd>
              </>
            ) : null}
            {summary.description ? (
              <>
                <dt>{t("verifier.description")}</dt>
                <dd>{summary.description}</dd>
              </>
            ) : null}
            {summary.issuerName || summary.issuerId ? (
              <>
                <dt>{t("verifier.issuer")}</dt>
                <dd>
                  {summary.issuerName ?? t("verifier.issuerUnnamed")}
                  {summary.issuerId ? <Secondary value={summary.issuerId} /> : null}
                </dd>
              </>
            ) : null}
            {summary.recipient ? (
              <>
                <dt>{t("verifier.recipient")}</dt>
                <dd>
                  <Holder report={report} />
                </dd>
              </>
            ) : null}
            <Dates summary={summary} lang={lang} />
            <dt>{t("verifier.badgeStatus")}</dt>
            <dd className="report__status">
              {badgeStatuses(report).map((status) => (
                <StatusChip key={status} status={status} />
              ))}
            </dd>
            <dt>{t("verifier.format")}</dt>
            <dd>{t(`verifier.formats.${report.format}`)}</dd>
          </dl>
        </div>
      ) : null}
      <h3>{t("verifier.stepsTitle")}</h3>
      <ol className="steps">
        {report.steps.map((step) => (
          <li key={step.id} className={`step step--${step.status}`}>
            <span className="step__icon" aria-hidden="true">
              {STATUS_ICON[step.status]}
            </span>
            <span className="step__name">{t(`verifier.steps.${step.id}`, step.id)}</span>
            <span className="step__status">{t(`verifier.status.${step.status}`)}</span>
            <span className="step__reason">{step.reason[lang]}</span>
          </li>
        ))}
      </ol>
      <Endorsements checks={report.endorsements ?? []} lang={lang} />
    </section>
  );
}
