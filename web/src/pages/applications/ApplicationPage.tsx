import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError, Notice, Unavailable } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { formatDate, sessionLabel } from "../../i18n";
import { CriterionEditor } from "./CriterionEditor";
import { Dialogue } from "./Dialogue";
import { ManagerPanel } from "./ManagerPanel";
import { ReadOnlyAnswers } from "./ReadOnlyAnswers";
import { ReviewForm } from "./ReviewForm";
import { Reviews } from "./Reviews";
import { ScopeEditor } from "./ScopeEditor";
import { StateChip } from "./StateChip";
import { useApplication } from "./use-application";

/** /demandes/:id — one application, as the CFA, a reviewer or a manager sees it. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const { query, refresh, act } = useApplication(id);
  const confirm = useConfirmDialog();
  usePageTitle(
    query.data
      ? `${query.data.badge.name} — ${query.data.organisation.name}`
      : t("applications.title"),
  );
  if (!query.data) return <Unavailable query={query} title={t("applications.title")} />;
  const d = query.data;
  const editable = d.can.events.includes("edit");
  const manager = hasRole(me.data, "programme_manager");
  const keys = d.criteriaToAnswer;
  return (
    <>
      <p>
        <Link to="/demandes">{t("applications.back")}</Link>
      </p>
      <p className="chip">
        {d.kind === "renewal" ? t("applications.renewal") : t("applications.first")}
      </p>
      <h1>{d.badge.name}</h1>
      <p className="lead">
        {d.organisation.name} · <StateChip state={d.state} />
      </p>
      {d.session ? (
        <p>
          {t("applications.sessionLine", {
            session: sessionLabel(d.session, i18n.language),
            date: formatDate(d.session.commissionDate, i18n.language),
          })}
        </p>
      ) : null}
      {d.motivation ? (
        <Alert tone={d.state === "revision_requested" ? "warning" : "info"}>
          <p>
            <strong>
              {d.state === "revision_requested"
                ? t("applications.toChange")
                : t("applications.commissionSaid")}
            </strong>
          </p>
          <p>{d.motivation}</p>
        </Alert>
      ) : null}
      {act.isSuccess && d.state === "submitted" ? <Notice>{t("applications.sent")}</Notice> : null}
      <FormError
        error={act.error}
        labels={Object.fromEntries(keys.map((k) => [`answers.${k.key}`, k.statement.slice(0, 80)]))}
      />
      {editable ? (
        <>
          <p>{t("applications.editHint")}</p>
          <ScopeEditor detail={d} onSaved={refresh} />
          {keys.map((k) => (
            <CriterionEditor
              key={k.key}
              detail={d}
              index={k.key}
              statement={k.statement}
              evidence={k.evidence}
              onSaved={refresh}
            />
          ))}
        </>
      ) : (
        <ReadOnlyAnswers detail={d} />
      )}
      {d.can.events.includes("submit") || d.can.events.includes("withdraw") ? (
        <p className="actions">
          {d.can.events.includes("submit") ? (
            <Button
              size="large"
              disabled={act.isPending}
              onClick={() =>
                confirm.ask(
                  {
                    title: t("applications.confirm.submitTitle"),
                    children: (
                      <p>{t("applications.confirm.submitBody", { badge: d.badge.name })}</p>
                    ),
                    confirmLabel: t("applications.confirm.submitYes"),
                  },
                  () => act.mutate("submit"),
                )
              }
            >
              {t("applications.submit")}
            </Button>
          ) : null}
          {d.can.events.includes("withdraw") ? (
            <Button
              variant="danger"
              onClick={() =>
                confirm.ask(
                  {
                    title: t("applications.withdrawConfirm"),
                    confirmLabel: t("applications.withdraw"),
                    danger: true,
                  },
                  () => act.mutate("withdraw"),
                )
              }
            >
              {t("applications.withdraw")}
            </Button>
          ) : null}
        </p>
      ) : null}
      {confirm.dialog}
      {d.can.review ? (
        <ReviewForm
          detail={d}
          onChange={refresh}
          previous={d.reviews.find((r) => r.reviewerId === me.data?.user.id && r.comment)}
        />
      ) : null}
      <Reviews detail={d} onChange={refresh} />
      {manager ? <ManagerPanel detail={d} onChange={refresh} /> : null}
      <Dialogue detail={d} onChange={refresh} />
    </>
  );
}
