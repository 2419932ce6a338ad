import { useTranslation } from "react-i18next";
import { RegistrationForm } from "./RegistrationForm";
import { RegistrationItem } from "./RegistrationItem";
import { useRegistrations } from "./use-registrations";

/** The partner's badges registered against the regional competences, and the form to add one. */
export function Registrations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const list = useRegistrations(orgId);
  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t("partner.registrationsTitle")}</h2>
      <p>{t("partner.registrationsIntro")}</p>
      {list.data?.registrations.length === 0 ? (
        <p className="empty">{t("partner.noRegistration")}</p>
      ) : null}
      <ul className="plain">
        {list.data?.registrations.map((r) => (
          <RegistrationItem key={r.id} registration={r} />
        ))}
      </ul>
      <RegistrationForm orgId={orgId} />
    </section>
  );
}
