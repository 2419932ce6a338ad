import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { api } from "../api/client";
import { Field, FormError, formValues, Notice, SelectField } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type Idea = {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  description: string;
  state: "new" | "answered" | "adopted" | "declined";
  answer: string | null;
  answeredAt: string | null;
  badgeClassId: string | null;
  createdAt: string;
};

function AnswerForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (body: { outcome: string; answer: string }) =>
      api("POST", `/api/ideas/${idea.id}/answer`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ideas"] }),
  });
  const fieldId = `answer-${idea.id}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const text = new FormData(event.currentTarget).get("answer");
        if (typeof text === "string")
          answer.mutate({ outcome: submitter?.value ?? "answered", answer: text });
      }}
    >
      <FormError error={answer.error} />
      <div className="field">
        <label htmlFor={fieldId}>{t("ideas.answerLabel")}</label>
        <textarea id={fieldId} name="answer" rows={3} required minLength={3} />
      </div>
      <p className="links">
        {(["answered", "adopted", "declined"] as const).map((outcome) => (
          <button
            key={outcome}
            type="submit"
            value={outcome}
            className={`button${outcome === "adopted" ? "" : " button--secondary"}`}
            disabled={answer.isPending}
          >
            {t(`ideas.do.${outcome}`)}
            <span className="visually-hidden"> — {idea.title}</span>
          </button>
        ))}
      </p>
    </form>
  );
}

/** /idees — CFAs propose badges the collection lacks; managers answer, decline or adopt them. */
export function IdeasPage() {
  const { t, i18n } = useTranslation();
  const { data: me, isPending } = useMe();
  const queryClient = useQueryClient();
  usePageTitle(t("ideas.title"));
  const ideas = useQuery({
    queryKey: ["ideas"],
    queryFn: () => api<{ ideas: Idea[] }>("GET", "/api/ideas"),
    enabled: !!me,
  });
  const propose = useMutation({
    mutationFn: (input: { organisationId: string; title: string; description: string }) =>
      api("POST", `/api/organisations/${input.organisationId}/ideas`, {
        title: input.title,
        description: input.description,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ideas"] }),
  });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const manager = hasRole(me, "programme_manager");
  const cfas = me.memberships.filter((m) => m.organisation.kind === "cfa");
  return (
    <>
      <h1>{t("ideas.title")}</h1>
      <p className="lead">{manager ? t("ideas.introManager") : t("ideas.intro")}</p>
      {cfas.length > 0 ? (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const v = formValues(form);
            propose.mutate(
              {
                organisationId: v.organisationId ?? cfas[0]!.organisation.id,
                title: v.title ?? "",
                description: v.description ?? "",
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <h2>{t("ideas.proposeTitle")}</h2>
          <FormError error={propose.error} />
          {propose.isSuccess ? <Notice>{t("ideas.sent")}</Notice> : null}
          {cfas.length > 1 ? (
            <SelectField label={t("ideas.organisation")} name="organisationId">
              {cfas.map((m) => (
                <option key={m.organisation.id} value={m.organisation.id}>
                  {m.organisation.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Field
            label={t("ideas.titleLabel")}
            name="title"
            required
            minLength={3}
            maxLength={120}
          />
          <div className="field">
            <label htmlFor="idea-description">{t("ideas.descriptionLabel")}</label>
            <p className="field__hint" id="idea-description-hint">
              {t("ideas.descriptionHint")}
            </p>
            <textarea
              id="idea-description"
              name="description"
              rows={5}
              required
              minLength={10}
              aria-describedby="idea-description-hint"
            />
          </div>
          <button type="submit" className="button" disabled={propose.isPending}>
            {t("ideas.propose")}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="ideas-list">
        <h2 id="ideas-list">{t("ideas.listTitle", { count: ideas.data?.ideas.length ?? 0 })}</h2>
        {ideas.data?.ideas.length === 0 ? <p className="empty">{t("ideas.none")}</p> : null}
        <ul className="plain">
          {ideas.data?.ideas.map((idea) => (
            <li key={idea.id} className="card">
              <h3>{idea.title}</h3>
              <p className="muted">
                {idea.organisation.name} · {formatDate(idea.createdAt, i18n.language)} ·{" "}
                <span className="chip">{t(`ideas.states.${idea.state}`)}</span>
              </p>
              <p>{idea.description}</p>
              {idea.answer ? (
                <div className="alert alert--info">
                  <p>
                    <strong>{t("ideas.answerFrom")}</strong> {idea.answer}
                  </p>
                </div>
              ) : null}
              {idea.state === "adopted" && manager ? (
                <p>
                  <Link to="/gestion/catalogue">{t("ideas.seeDraft")}</Link>
                </p>
              ) : null}
              {manager && (idea.state === "new" || idea.state === "answered") ? (
                <AnswerForm idea={idea} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
