import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { hasRole, usePageTitle } from "../../components/hooks";
import { IdeaCard } from "./IdeaCard";
import { ProposeIdeaForm } from "./ProposeIdeaForm";
import { useIdeas } from "./use-ideas";

/** /idees — CFAs propose badges the collection lacks; managers answer, decline or adopt them. */
export function IdeasPage() {
  const { t } = useTranslation();
  const {
    me: { data: me, isPending },
    ideas,
  } = useIdeas();
  usePageTitle(t("ideas.title"));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const manager = hasRole(me, "programme_manager");
  const cfas = me.memberships.filter((m) => m.organisation.kind === "cfa");
  return (
    <>
      <h1>{t("ideas.title")}</h1>
      <p className="lead">{manager ? t("ideas.introManager") : t("ideas.intro")}</p>
      {cfas.length > 0 ? <ProposeIdeaForm cfas={cfas} /> : null}
      <section aria-labelledby="ideas-list">
        <h2 id="ideas-list">{t("ideas.listTitle", { count: ideas.data?.ideas.length ?? 0 })}</h2>
        {ideas.data?.ideas.length === 0 ? <p className="empty">{t("ideas.none")}</p> : null}
        <ul className="plain">
          {ideas.data?.ideas.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} manager={manager} />
          ))}
        </ul>
      </section>
    </>
  );
}
