import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Pairing } from "../../api/mentoring";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, formValues } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useSendMentoringMessage } from "./use-mentoring";

/** The pairing's shared thread; the other side is emailed of each message. */
export function MentoringThread({ pairing }: { pairing: Pairing }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const send = useSendMentoringMessage(pairing.id);
  return (
    <Card as="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("mentoring.thread")}</h2>
      {pairing.messages.length === 0 ? <p className="muted">{t("mentoring.noMessages")}</p> : null}
      <ol className="thread plain">
        {pairing.messages.map((m) => (
          <li key={m.id} className={`message message--${m.authorRole}`}>
            <p className="message__meta">
              <strong>{m.authorName}</strong> · {formatDate(m.createdAt, i18n.language, true)}
            </p>
            <p className="message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      {pairing.can.write ? (
        <form
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const form = event.currentTarget;
            send.mutate(formValues(form).body ?? "", { onSuccess: () => form.reset() });
          }}
        >
          <FormError error={send.error} />
          <div className="field">
            <label htmlFor={`${id}-body`}>{t("mentoring.message")}</label>
            <textarea id={`${id}-body`} name="body" rows={3} required />
          </div>
          <Button type="submit" variant="secondary" disabled={send.isPending}>
            {t("mentoring.send")}
          </Button>
        </form>
      ) : (
        <p className="muted">{t("mentoring.closed")}</p>
      )}
    </Card>
  );
}
