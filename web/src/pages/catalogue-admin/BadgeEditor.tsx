import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Criterion, DraftBadge } from "../../api/catalogue-admin";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { Field, FormError, formValues, Notice } from "../../components/forms";
import { CriteriaFields } from "./CriteriaFields";
import { RuleFields, ruleFrom } from "./RuleFields";
import { useBadgeActions, useProgramme } from "./use-catalogue-admin";

/** One badge of the draft: every field, criteria with their expected evidence (one per line). */
export function BadgeEditor({
  badge,
  first,
  last,
}: {
  badge: DraftBadge;
  first: boolean;
  last: boolean;
}) {
  const { t } = useTranslation();
  const programme = useProgramme();
  const { save, move, remove } = useBadgeActions(badge.id);
  const confirm = useConfirmDialog();
  const [criteria, setCriteria] = useState<Criterion[]>(badge.criteria);
  return (
    <Card as="li" className="badge-editor">
      <details>
        <summary>
          <strong>{badge.name}</strong>
          {badge.required ? ` · ${t("catalogue.required")}` : ""}
          {` · ${t("catalogueAdmin.months", { count: badge.validityMonths })}`}
        </summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const v = formValues(event.currentTarget);
            save.mutate({
              name: v.name,
              slug: v.slug,
              recognises: v.recognises,
              required: v.required === "on",
              validityMonths: Number(v.validityMonths),
              renewalExtra: v.renewalExtra?.trim() ? v.renewalExtra : null,
              criteria: criteria.map((c) => ({
                statement: c.statement,
                evidence: c.evidence.filter((e) => e.trim()),
              })),
              ...(programme === "competences" ? { rule: ruleFrom(v) } : {}),
            });
          }}
        >
          <FormError error={save.error} />
          {save.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
          <Field label={t("catalogueAdmin.name")} name="name" defaultValue={badge.name} required />
          <Field
            label={t("catalogueAdmin.slug")}
            hint={t("catalogueAdmin.slugHint")}
            name="slug"
            defaultValue={badge.slug}
            required
          />
          <div className="field">
            <label htmlFor={`recognises-${badge.id}`}>{t("catalogueAdmin.recognises")}</label>
            <textarea
              id={`recognises-${badge.id}`}
              name="recognises"
              rows={3}
              defaultValue={badge.recognises}
            />
          </div>
          <div className="field field--check">
            <input
              type="checkbox"
              id={`required-${badge.id}`}
              name="required"
              defaultChecked={badge.required}
            />
            <label htmlFor={`required-${badge.id}`}>{t("catalogueAdmin.required")}</label>
          </div>
          <Field
            label={t("catalogueAdmin.validity")}
            name="validityMonths"
            type="number"
            min={1}
            max={120}
            defaultValue={badge.validityMonths}
            required
          />
          {programme === "competences" ? <RuleFields badge={badge} /> : null}
          <CriteriaFields badgeId={badge.id} criteria={criteria} onChange={setCriteria} />
          <div className="field">
            <label htmlFor={`renewal-${badge.id}`}>{t("catalogueAdmin.renewalExtra")}</label>
            <textarea
              id={`renewal-${badge.id}`}
              name="renewalExtra"
              rows={2}
              defaultValue={badge.renewalExtra ?? ""}
            />
          </div>
          <p className="links">
            <Button type="submit" disabled={save.isPending}>
              {t("catalogueAdmin.saveBadge")}
              <span className="visually-hidden"> — {badge.name}</span>
            </Button>
          </p>
        </form>
        <FormError error={move.error ?? remove.error} />
        <p className="links">
          <Button variant="secondary" disabled={first} onClick={() => move.mutate("up")}>
            {t("catalogueAdmin.up")}
            <span className="visually-hidden"> — {badge.name}</span>
          </Button>
          <Button variant="secondary" disabled={last} onClick={() => move.mutate("down")}>
            {t("catalogueAdmin.down")}
            <span className="visually-hidden"> — {badge.name}</span>
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              confirm.ask(
                {
                  title: t("catalogueAdmin.removeConfirm", { name: badge.name }),
                  confirmLabel: t("catalogueAdmin.removeYes"),
                  danger: true,
                },
                () => remove.mutate(),
              )
            }
          >
            {t("catalogueAdmin.remove")}
            <span className="visually-hidden"> — {badge.name}</span>
          </Button>
        </p>
      </details>
      {confirm.dialog}
    </Card>
  );
}
