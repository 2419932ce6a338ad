import { useTranslation } from "react-i18next";
import { buttonClass } from "./Button";
import { Chip } from "./Chip";
import "./ListPage.css";

/** Above a server-side list: how many match, how many per state (as chips), and its CSV. */
export function ListSummary({
  total,
  counts,
  countsLabel,
  stateLabel,
  csvHref,
}: {
  /** "12 demandes", already worded. */
  total: string;
  counts: Record<string, number>;
  countsLabel: string;
  stateLabel: (state: string) => string;
  csvHref: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="queue-summary">
      <p aria-live="polite">{total}</p>
      <ul className="chip-list" aria-label={countsLabel}>
        {Object.entries(counts).map(([state, n]) => (
          <li key={state}>
            <Chip>{t("common.labelled", { label: stateLabel(state), value: n })}</Chip>
          </li>
        ))}
      </ul>
      <a className={buttonClass("secondary")} href={csvHref} download>
        {t("queue.csv")}
      </a>
    </div>
  );
}

/** The programme filter of a list: either programme, or both. */
export function ProgrammeOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("queue.allProgrammes")}</option>
      <option value="label-cfa">{t("nav.label")}</option>
      <option value="competences">{t("nav.competences")}</option>
    </>
  );
}
