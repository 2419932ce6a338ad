import { useTranslation } from "react-i18next";
import type { SupportRequest } from "../../api/support";
import { Button } from "../../components/Button";
import { FormError, formValues, TextAreaField } from "../../components/forms";
import { formatDate } from "../../i18n";
import { MeetingForm } from "./MeetingForm";
import { Thread } from "./Thread";
import { useAcceptMeeting, useCloseRequest } from "./use-support";

/** One request: who asked whom, the meeting if any, and what the caller's side may do now. */
export function RequestCard({ request: r }: { request: SupportRequest }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptMeeting(r.id);
  const close = useCloseRequest(r.id);
  const live = r.state !== "closed";
  // Who answers a proposal: the CFA the adviser's, the adviser the CFA's counter-proposal.
  const toAccept =
    (r.side === "asker" && r.state === "meeting_proposed") ||
    (r.side === "adviser" && r.state === "meeting_countered");
  return (
    <li className="card" aria-labelledby={`support-${r.id}`}>
      <h3 id={`support-${r.id}`}>
        {r.organisation.name} → {r.adviser?.name ?? t("support.noAdviser")}
      </h3>
      <p>
        <strong>{t(`support.states.${r.state}`)}</strong> — {r.question}
      </p>
      {r.meeting ? (
        <p>
          {t("support.meeting")} {formatDate(r.meeting.startsAt, i18n.language)}{" "}
          {new Date(r.meeting.startsAt).toLocaleTimeString(i18n.language, {
            hour: "2-digit",
            minute: "2-digit",
          })}{" "}
          — {r.meeting.place ?? r.meeting.videoUrl}
        </p>
      ) : null}
      {r.feedback ? (
        <p>
          {t("support.feedbackFrom")} {r.feedback}
        </p>
      ) : null}
      <Thread id={r.id} canWrite={r.side !== "manager" && live} />
      {r.side === "adviser" && live ? <MeetingForm id={r.id} /> : null}
      {toAccept ? (
        <>
          <FormError error={accept.error} />
          <Button onClick={() => accept.mutate()} disabled={accept.isPending}>
            {t(r.side === "asker" ? "support.accept" : "support.acceptCounter")}
          </Button>
        </>
      ) : null}
      {r.side === "asker" && r.state === "meeting_proposed" ? (
        <MeetingForm id={r.id} counter />
      ) : null}
      {r.side === "asker" && live ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            close.mutate(formValues(event.currentTarget).feedback ?? "");
          }}
        >
          <FormError error={close.error} />
          <TextAreaField
            id={`feedback-${r.id}`}
            label={t("support.feedback")}
            name="feedback"
            rows={2}
            required
            minLength={2}
          />
          <Button type="submit" variant="secondary" disabled={close.isPending}>
            {t("support.close")}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
