import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Idea } from "../../api/ideas";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { Chip } from "../../components/Chip";
import { formatDate } from "../../i18n";
import { AnswerForm } from "./AnswerForm";

/** One idea: who proposed it, its state, the answer, and for a manager the form to answer it. */
export function IdeaCard({ idea, manager }: { idea: Idea; manager: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Card as="li">
      <h3>{idea.title}</h3>
      <p className="muted">
        {idea.organisation.name} · {formatDate(idea.createdAt, i18n.language)} ·{" "}
        <Chip>{t(`ideas.states.${idea.state}`)}</Chip>
      </p>
      <p>{idea.description}</p>
      {idea.answer ? (
        <Alert tone="info">
          <p>
            <strong>{t("ideas.answerFrom")}</strong> {idea.answer}
          </p>
        </Alert>
      ) : null}
      {idea.state === "adopted" && manager ? (
        <p>
          <Link to="/gestion/catalogue">{t("ideas.seeDraft")}</Link>
        </p>
      ) : null}
      {manager && (idea.state === "new" || idea.state === "answered") ? (
        <AnswerForm idea={idea} />
      ) : null}
    </Card>
  );
}
