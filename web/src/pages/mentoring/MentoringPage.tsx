import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { hasRole, usePageTitle } from "../../components/hooks";
import { PairForm } from "./PairForm";
import { PairingList } from "./PairingList";
import { RequestList } from "./RequestList";
import { RequestMentorForm } from "./RequestMentorForm";
import { useMentoring } from "./use-mentoring";

/** /parrainage — managers pair CFAs and see every request; a CFA asks for a mentor and finds its pairings. */
export function MentoringPage() {
  const { t } = useTranslation();
  const {
    me: { data: me, isPending },
    list,
  } = useMentoring();
  usePageTitle(t("mentoring.title"));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const manager = hasRole(me, "programme_manager");
  const cfas = me.memberships.filter((m) => m.organisation.kind === "cfa");
  const requests = list.data?.requests ?? [];
  const open = (id: string) =>
    requests.some((r) => r.organisation.id === id && r.state === "open") ||
    (list.data?.pairings ?? []).some(
      (p) => p.mentee.id === id && (p.status === "active" || p.status === "upcoming"),
    );
  const askers = cfas.filter((m) => !open(m.organisation.id));
  return (
    <>
      <h1>{t("mentoring.title")}</h1>
      <p className="lead">{manager ? t("mentoring.introManager") : t("mentoring.intro")}</p>
      {manager ? <PairForm requests={requests.filter((r) => r.state === "open")} /> : null}
      {!manager && askers.length > 0 ? <RequestMentorForm cfas={askers} /> : null}
      <PairingList pairings={list.data?.pairings ?? []} />
      <RequestList requests={requests} />
    </>
  );
}
