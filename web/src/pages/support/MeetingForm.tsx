import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field, FormError, formValues } from "../../components/forms";
import { useCounterMeeting, useProposeMeeting } from "./use-support";

/** The adviser proposes a meeting (or the CFA counters it): when, and a place or a video link. */
export function MeetingForm({ id, counter = false }: { id: string; counter?: boolean }) {
  const { t } = useTranslation();
  const proposed = useProposeMeeting(id);
  const countered = useCounterMeeting(id);
  const propose = counter ? countered : proposed;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        propose.mutate({
          startsAt: new Date(v.startsAt ?? "").toISOString(),
          place: v.place || null,
          videoUrl: v.videoUrl || null,
          note: null,
        });
      }}
    >
      <h3>{t(counter ? "support.counterTitle" : "support.proposeTitle")}</h3>
      <FormError error={propose.error} />
      <Field label={t("support.when")} name="startsAt" type="datetime-local" required />
      <Field label={t("support.place")} name="place" optional />
      <Field label={t("support.videoUrl")} name="videoUrl" type="url" optional />
      <Button type="submit" disabled={propose.isPending}>
        {t(counter ? "support.counter" : "support.propose")}
      </Button>
    </form>
  );
}
