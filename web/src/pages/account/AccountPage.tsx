import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { usePageTitle } from "../../components/hooks";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";
import { SessionsSection } from "./SessionsSection";
import { useAccount } from "./use-account";

/** /compte — the user's profile, password and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t("account.title"));
  const { me, isPending, sessions, profile, password, everywhere } = useAccount();
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;

  return (
    <>
      <h1>{t("account.title")}</h1>
      <ProfileForm user={me.user} profile={profile} />
      <PasswordForm password={password} />
      <SessionsSection sessions={sessions.data?.sessions} everywhere={everywhere} />
    </>
  );
}
