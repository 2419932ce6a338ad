import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./Alert";

/** One problem the form found itself: the id of the field to fix and what to do. */
export type FormProblem = { field: string; message: string };

/**
 * The form's own list of errors, in place of the browser's bubble (the form
 * has `noValidate`): each error links to its field, and focus moves to the
 * summary each time the form is submitted with errors (`attempt` changes).
 */
export function ErrorSummary({
  problems,
  attempt,
}: {
  problems: readonly FormProblem[];
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <Alert tone="error" tabIndex={-1} ref={ref} className="error-summary">
      <p>
        <strong>{t("common.errorSummary")}</strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.field}>
            <a
              href={`#${problem.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(problem.field)?.focus();
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
