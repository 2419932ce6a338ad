import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../api/applications";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { FormError, Notice } from "../../components/forms";
import { useScope } from "./use-application";

/** Which sites the application covers: the whole CFA, or chosen UFA with a deployment schedule. */
export function ScopeEditor({
  detail,
  onSaved,
}: {
  detail: ApplicationDetail;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { organisation, save } = useScope(detail.id, detail.organisation.id, onSaved);
  const children = organisation.data?.children ?? [];
  if (children.length === 0) return null;
  return (
    <form
      className="card criterion"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const schedule = String(data.get("schedule") ?? "").trim();
        save.mutate({
          ufaIds: data.getAll("ufa").map(String),
          schedule: schedule ? schedule : null,
        });
      }}
    >
      <fieldset className="rating">
        <legend>{t("applications.scope")}</legend>
        <p className="field__hint">{t("applications.scopeHint")}</p>
        {children.map((c) => (
          <Checkbox
            key={c.id}
            name="ufa"
            value={c.id}
            defaultChecked={detail.scope.ufaIds.includes(c.id)}
            label={c.name}
          />
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="scope-schedule">
          {t("applications.schedule")}{" "}
          <span className="field__optional">({t("common.optional")})</span>
        </label>
        <textarea
          id="scope-schedule"
          name="schedule"
          rows={2}
          defaultValue={detail.scope.schedule ?? ""}
        />
      </div>
      <FormError error={save.error} />
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        {t("applications.saveScope")}
      </Button>
      {save.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
    </form>
  );
}
