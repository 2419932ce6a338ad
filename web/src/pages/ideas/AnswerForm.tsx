import { useTranslation } from "react-i18next";
import type { Idea, IdeaOutcome } from "../../api/ideas";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { useAnswerIdea } from "./use-ideas";

const OUTCOMES: IdeaOutcome[] = ["answered", "adopted", "declined"];

/** A manager answers an idea: a reply, and whether the idea is adopted, declined or just answered. */
export function AnswerForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const answer = useAnswerIdea(idea.id);
  const fieldId = `answer-${idea.id}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const text = new FormData(event.currentTarget).get("answer");
        const outcome = OUTCOMES.find((o) => o === submitter?.value) ?? "answered";
        if (typeof text === "string") answer.mutate({ outcome, answer: text });
      }}
    >
      <FormError error={answer.error} />
      <div className="field">
        <label htmlFor={fieldId}>{t("ideas.answerLabel")}</label>
        <textarea id={fieldId} name="answer" rows={3} required minLength={3} />
      </div>
      <p className="links">
        {OUTCOMES.map((outcome) => (
          <Button
            key={outcome}
            type="submit"
            value={outcome}
            variant={outcome === "adopted" ? "primary" : "secondary"}
            disabled={answer.isPending}
          >
            {t(`ideas.do.${outcome}`)}
            <span className="visually-hidden"> — {idea.title}</span>
          </Button>
        ))}
      </p>
    </form>
  );
}
