import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Card } from "../../components/Card";
import { usePageTitle } from "../../components/hooks";
import { ReviewerAssignments } from "../applications/ReviewerAssignments";
import { AdminSection } from "./AdminSection";
import { ManagerSection } from "./ManagerSection";
import { MyOrganisations } from "./MyOrganisations";
import { useDashboard } from "./use-dashboard";
import { VerifyEmailReminder } from "./VerifyEmailReminder";

/** /accueil — the signed-in user's home: their organisations, then what each role of theirs does. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me, isPending, isManager, isAdmin, isReviewer, orgs, health, resend } = useDashboard();
  usePageTitle(t("layout.dashboard"));
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;

  return (
    <>
      <h1>{t("dashboard.title", { name: me.user.name })}</h1>
      {!me.user.emailVerified ? <VerifyEmailReminder resend={resend} /> : null}

      <p>
        <Link to="/mes-badges">{t("myBadges.nav")}</Link>
      </p>
      <MyOrganisations memberships={me.memberships} />

      {isReviewer ? (
        <Card as="section" aria-labelledby="reviews">
          <h2 id="reviews">{t("dashboard.reviewerTitle")}</h2>
          <ReviewerAssignments />
        </Card>
      ) : null}

      {isManager ? <ManagerSection organisations={orgs.data?.organisations} /> : null}

      {isAdmin ? <AdminSection health={health.data} /> : null}
    </>
  );
}
