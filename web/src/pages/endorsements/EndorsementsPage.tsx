import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { hasRole, usePageTitle } from "../../components/hooks";
import { EndorsementCard } from "./EndorsementCard";
import { InviteForm } from "./InviteForm";
import { useEndorsements } from "./use-endorsements";

/** /approbations — managers follow every endorsement; an endorser's staff sign or withdraw theirs. */
export function EndorsementsPage() {
  const { t } = useTranslation();
  const {
    me: { data: me, isPending },
    endorsements,
  } = useEndorsements();
  usePageTitle(t("endorsements.title"));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const manager = hasRole(me, "programme_manager");
  const adminOf = (id: string | null) =>
    !!id && me.memberships.some((m) => m.organisation.id === id && m.role === "admin");
  const list = endorsements.data?.endorsements ?? [];
  return (
    <>
      <h1>{t("endorsements.title")}</h1>
      <p className="lead">{t("endorsements.intro")}</p>
      {manager ? <InviteForm /> : null}
      {endorsements.data && list.length === 0 ? (
        <p className="empty">{t("endorsements.none")}</p>
      ) : null}
      <ul className="plain">
        {list.map((e) => (
          <EndorsementCard
            key={e.id}
            endorsement={e}
            canSign={adminOf(e.endorser.organisationId)}
            canWithdraw={manager || adminOf(e.endorser.organisationId)}
          />
        ))}
      </ul>
    </>
  );
}
