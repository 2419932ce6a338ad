import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Field, FormError, formValues } from "../../components/forms";
import { useProposeMeeting } from "./use-support";

/** The adviser proposes a meeting: when, and a place or a video link. */
export function MeetingForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const propose = useProposeMeeting(id);
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
      <h3>{t("support.proposeTitle")}</h3>
      <FormError error={propose.error} />
      <Field label={t("support.when")} name="startsAt" type="datetime-local" required />
      <Field label={t("support.place")} name="place" optional />
      <Field label={t("support.videoUrl")} name="videoUrl" type="url" optional />
      <Button type="submit" disabled={propose.isPending}>
        {t("support.propose")}
      </Button>
    </form>
  );
}
