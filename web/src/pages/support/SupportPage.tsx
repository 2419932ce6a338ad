import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { hasRole, usePageTitle } from "../../components/hooks";
import { useProgrammeText } from "../catalogue/use-programme-texts";
import { AskForm } from "./AskForm";
import { Oversight } from "./Oversight";
import { RequestCard } from "./RequestCard";
import { useSupport } from "./use-support";

/** /conseil — a CFA asks a peer CFA for advice; advisers answer; managers see every request. */
export function SupportPage() {
  const { t, i18n } = useTranslation();
  const helpIntro = useProgrammeText("help_intro", i18n.language);
  const {
    me: { data: me, isPending },
    requests,
  } = useSupport();
  usePageTitle(t("support.title"));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const cfas = me.memberships.filter((m) => ["cfa", "ufa"].includes(m.organisation.kind));
  const list = requests.data?.requests ?? [];
  return (
    <>
      <h1>{t("support.title")}</h1>
      <p className="lead">{t("support.intro")}</p>
      {cfas.length > 0 && helpIntro ? <p>{helpIntro}</p> : null}
      {cfas.length > 0 ? <AskForm cfas={cfas} /> : null}
      {hasRole(me, "programme_manager") ? <Oversight requests={list} /> : null}
      <section aria-labelledby="support-list">
        <h2 id="support-list">{t("support.listTitle", { count: list.length })}</h2>
        {requests.data && list.length === 0 ? <p className="empty">{t("support.none")}</p> : null}
        <ul className="plain">
          {list.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </ul>
      </section>
    </>
  );
}
