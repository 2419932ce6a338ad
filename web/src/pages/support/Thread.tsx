import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { FormError, TextAreaField } from "../../components/forms";
import { formatDate } from "../../i18n";
import { usePostMessage, useThread } from "./use-support";

/** The messages of a request, both ways, and a labelled text area to write the next one. */
export function Thread({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const thread = useThread(id);
  const post = usePostMessage(id);
  const messages = thread.data?.messages ?? [];
  return (
    <section aria-labelledby={`thread-${id}`}>
      <h4 id={`thread-${id}`}>{t("support.threadTitle")}</h4>
      {thread.data && messages.length === 0 ? (
        <p className="empty">{t("support.noMessage")}</p>
      ) : null}
      <ol className="plain">
        {messages.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.authorName}</strong>{" "}
              <span className="muted">
                ({t(`support.roles.${m.authorRole}`)}, {formatDate(m.createdAt, i18n.language)})
              </span>
            </p>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const body = String(new FormData(form).get("body") ?? "");
            post.mutate(body, { onSuccess: () => form.reset() });
          }}
        >
          <FormError error={post.error} />
          <TextAreaField
            id={`message-${id}`}
            label={t("support.message")}
            name="body"
            rows={3}
            required
          />
          <Button type="submit" variant="secondary" disabled={post.isPending}>
            {t("support.send")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
