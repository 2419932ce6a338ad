import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../api/applications";
import { Button } from "../../components/Button";
import { FormError, TextAreaField } from "../../components/forms";
import { useAddStaffBadge } from "./use-application";

/** A form to attach a staff member's badge: a URL or pasted JSON/JWT, or a baked image. */
export function StaffBadgeForm({
  detail,
  criterion,
  onSaved,
}: {
  detail: ApplicationDetail;
  criterion: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const ids = { holder: useId(), image: useId() };
  const [holder, setHolder] = useState("");
  const [text, setText] = useState("");
  const add = useAddStaffBadge(detail.id, criterion, holder, () => {
    setText("");
    onSaved();
  });
  return (
    <details className="staff-badge-form">
      <summary>{t("applications.staffBadge.add")}</summary>
      <FormError error={add.error} />
      <div className="field">
        <label htmlFor={ids.holder}>{t("applications.staffBadge.holder")}</label>
        <input id={ids.holder} value={holder} onChange={(e) => setHolder(e.target.value)} />
      </div>
      <TextAreaField
        label={t("applications.staffBadge.text")}
        hint={t("applications.staffBadge.textHint")}
        name="text"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        variant="secondary"
        disabled={add.isPending || holder.trim().length < 2 || !text.trim()}
        onClick={() => add.mutate({ text })}
      >
        {t("applications.staffBadge.verify")}
      </Button>
      <div className="field">
        <label htmlFor={ids.image}>{t("applications.staffBadge.image")}</label>
        <input
          id={ids.image}
          type="file"
          accept=".png,.svg,image/png,image/svg+xml"
          disabled={holder.trim().length < 2}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) add.mutate({ image: file });
            event.target.value = "";
          }}
        />
      </div>
      {add.isPending ? <p aria-live="polite">{t("applications.staffBadge.checking")}</p> : null}
    </details>
  );
}
