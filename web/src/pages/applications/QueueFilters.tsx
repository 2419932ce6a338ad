import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { QueueQuery } from "../../api/applications";
import { Button } from "../../components/Button";
import { Field, formValues, SelectField } from "../../components/forms";
import { ProgrammeOptions } from "../../components/ListSummary";
import { sessionLabel } from "../../i18n";
import { applicationStates } from "./presentation";
import { useQueueChoices } from "./use-queue";

/** The queue's filters as a form with labels: sent with the button, kept in the URL. */
export function QueueFilters({
  query,
  onApply,
}: {
  query: QueueQuery;
  onApply: (filters: Record<string, string | undefined>) => void;
}) {
  const { t, i18n } = useTranslation();
  const programme = query.programme ?? "label-cfa";
  const { sessions, badges } = useQueueChoices(programme);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    onApply({
      q: values.q?.trim() || undefined,
      programme: values.programme || undefined,
      state: values.state || undefined,
      sessionId: values.sessionId || undefined,
      badgeId: values.badgeId || undefined,
    });
  };
  // The key remounts the form when the URL changes (back, a shared link) or its choices arrive,
  // so that the fields show the query.
  return (
    <form
      key={`${JSON.stringify(query)}/${sessions.length}/${badges.length}`}
      className="queue-filters"
      aria-label={t("queue.filters")}
      onSubmit={submit}
    >
      <Field label={t("queue.search")} name="q" type="search" defaultValue={query.q ?? ""} />
      <SelectField
        label={t("queue.programme")}
        name="programme"
        defaultValue={query.programme ?? ""}
      >
        <ProgrammeOptions />
      </SelectField>
      <SelectField label={t("applications.state")} name="state" defaultValue={query.state ?? ""}>
        <option value="">{t("queue.allStates")}</option>
        {applicationStates
          .filter((s) => s !== "draft")
          .map((s) => (
            <option key={s} value={s}>
              {t(`applications.states.${s}`)}
            </option>
          ))}
      </SelectField>
      <SelectField label={t("queue.session")} name="sessionId" defaultValue={query.sessionId ?? ""}>
        <option value="">{t("queue.allSessions")}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {sessionLabel(s, i18n.language)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("applications.badge")}
        name="badgeId"
        defaultValue={query.badgeId ?? ""}
      >
        <option value="">{t("queue.allBadges")}</option>
        {badges.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit">{t("queue.apply")}</Button>
    </form>
  );
}
