import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, Reviewer } from "../../api/applications";
import { ApiError } from "../../api/client";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { FormError } from "../../components/forms";

/** A manager chooses the panel; the server's objections (conflict of interest, …) by reviewer. */
export function PanelForm({
  detail,
  reviewers,
  assign,
}: {
  detail: ApplicationDetail;
  reviewers: UseQueryResult<{ reviewers: Reviewer[] }>;
  assign: UseMutationResult<unknown, Error, string[]>;
}) {
  const { t } = useTranslation();
  const all = reviewers.data?.reviewers ?? [];
  const names = new Map(all.map((r) => [r.id, r.name]));
  // The server says who may not sit on this panel (conflict of interest, stepped aside).
  const offered = all.filter((r) => !r.excluded);
  const excluded = all.filter((r) => r.excluded);
  const assignError =
    assign.error instanceof ApiError && assign.error.code === "REVIEW_PANEL_INVALID"
      ? Object.entries(assign.error.fields).map(([who, why]) =>
          t(`applications.panelProblems.${why}`, { name: names.get(who) ?? "" }),
        )
      : [];
  return (
    <Card as="section" aria-labelledby="panel-title">
      <h2 id="panel-title">{t("applications.panelTitle")}</h2>
      <p className="muted">{t("applications.panelHint")}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const ids = new FormData(event.currentTarget).getAll("reviewer").map(String);
          assign.mutate(ids);
        }}
      >
        {assignError.length ? (
          <Alert tone="error">
            <p>
              <strong>{assign.error?.message}</strong>
            </p>
            <ul>
              {assignError.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <FormError error={assign.error} />
        )}
        <fieldset>
          <legend>{t("applications.reviewers")}</legend>
          {offered.map((r) => (
            <Checkbox
              key={r.id}
              name="reviewer"
              value={r.id}
              defaultChecked={detail.panel.some(
                (p) => p.reviewerId === r.id && p.state !== "recused",
              )}
              label={
                <>
                  {r.name}
                  {r.organisations.length ? (
                    <span className="muted"> ({r.organisations.join(", ")})</span>
                  ) : null}
                </>
              }
            />
          ))}
        </fieldset>
        {excluded.length ? (
          <div className="muted">
            <h3 id="panel-excluded-title">{t("applications.panelExcluded")}</h3>
            <ul aria-labelledby="panel-excluded-title">
              {excluded.map((r) => (
                <li key={r.id}>
                  {t(`applications.panelProblems.${r.excluded}`, { name: r.name })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Button type="submit" disabled={assign.isPending || reviewers.isPending}>
          {t("applications.assign")}
        </Button>
      </form>
    </Card>
  );
}
