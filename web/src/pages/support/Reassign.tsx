import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SupportAdviser, SupportRequest } from "../../api/support";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError, SelectField } from "../../components/forms";
import { useReassign } from "./use-support";

/** A manager gives a request to another adviser; the API refuses a conflicted one, in words. */
export function Reassign({
  request: r,
  advisers,
}: {
  request: SupportRequest;
  advisers: SupportAdviser[];
}) {
  const { t } = useTranslation();
  const reassign = useReassign(r.id);
  const { ask, dialog } = useConfirmDialog();
  const choices = advisers.filter(
    (a) => a.active && a.organisationId !== r.adviser?.id && a.organisationId !== r.organisation.id,
  );
  const [chosen, setChosen] = useState("");
  if (r.state === "closed") return null;
  if (choices.length === 0) return <span className="muted">{t("support.noOtherAdviser")}</span>;
  const target = choices.find((a) => a.organisationId === chosen) ?? choices[0]!;
  return (
    <>
      <FormError error={reassign.error} />
      <SelectField
        label={t("support.reassignTo", { organisation: r.organisation.name })}
        name="adviser"
        value={target.organisationId}
        onChange={(event) => setChosen(event.target.value)}
      >
        {choices.map((a) => (
          <option key={a.organisationId} value={a.organisationId}>
            {t("support.adviserLoad", { name: a.name, open: a.openCount, capacity: a.capacity })}
          </option>
        ))}
      </SelectField>
      <Button
        variant="secondary"
        disabled={reassign.isPending}
        onClick={() =>
          ask(
            {
              title: t("support.reassignQuestion", { adviser: target.name }),
              children: <p>{r.question}</p>,
              confirmLabel: t("support.reassign"),
            },
            () => reassign.mutate(target.organisationId),
          )
        }
      >
        {t("support.reassign")}
      </Button>
      {dialog}
    </>
  );
}
