import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../api/applications";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, formValues } from "../../components/forms";
import { formatDate } from "../../i18n";
import { useSendMessage } from "./use-application";

/** The thread between the applicant, the reviewers and the Region, and a message to add to it. */
export function Dialogue({
  detail,
  onChange,
}: {
  detail: ApplicationDetail;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const send = useSendMessage(detail.id, onChange);
  return (
    <Card as="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("applications.dialogue")}</h2>
      {detail.messages.length === 0 ? (
        <p className="muted">{t("applications.noMessages")}</p>
      ) : null}
      <ol className="thread plain">
        {detail.messages.map((m) => (
          <li key={m.id} className={`message message--${m.authorRole}`}>
            <p className="message__meta">
              <strong>{m.authorName}</strong> ·{" "}
              {m.pseudonym ? null : <>{t(`applications.roles.${m.authorRole}`)} · </>}
              {formatDate(m.createdAt, i18n.language, true)}
            </p>
            <p className="message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          const form = event.currentTarget;
          const body = formValues(form).body ?? "";
          send.mutate(body, { onSuccess: () => form.reset() });
        }}
      >
        <FormError error={send.error} />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t("applications.message")}</label>
          <textarea id={`${id}-body`} name="body" rows={3} required />
        </div>
        <Button type="submit" variant="secondary" disabled={send.isPending}>
          {t("applications.send")}
        </Button>
      </form>
    </Card>
  );
}
