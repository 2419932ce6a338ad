import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AwardBatch } from "../../api/partners";
import { Card } from "../../components/Card";
import { useBatchProgress } from "./use-own-badges";

/**
 * One CSV upload: the job's progress, read every second until it is done,
 * counted in lines of the file. Every line is issued, already held or refused
 * (with its number and why), so the three counts add up to the lines.
 */
export function BatchProgress({
  orgId,
  badgeId,
  batch,
}: {
  orgId: string;
  badgeId: string;
  batch: AwardBatch;
}) {
  const { t } = useTranslation();
  const b = useBatchProgress(orgId, badgeId, batch);
  const id = useId();
  return (
    <Card aria-live="polite">
      <label htmlFor={id}>
        {b.finished
          ? t("partner.batchDone", { count: b.lines })
          : t("partner.batchRunning", { processed: b.processed, count: b.lines })}
      </label>
      <progress id={id} max={b.lines} value={b.processed} />
      <ul>
        <li>{t("partner.batchIssued", { count: b.issued })}</li>
        <li>{t("partner.batchAlreadyHeld", { count: b.alreadyHeld })}</li>
        <li>{t("partner.batchRefused", { count: b.refused.length })}</li>
      </ul>
      {b.refused.length ? (
        <ul>
          {b.refused.map((p) => (
            <li key={`${p.line}-${p.email}`}>
              {t("partner.line", { line: p.line })} — {p.email || "—"} : {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
