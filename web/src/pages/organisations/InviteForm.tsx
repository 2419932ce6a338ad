import { useTranslation } from "react-i18next";
import type { MemberRole } from "../../api/organisations";
import { Button } from "../../components/Button";
import { Field, FormError, fieldError, formValues, SelectField } from "../../components/forms";

/** An invitation to join the organisation, as a member or an administrator. */
export function InviteForm({
  onInvite,
  pending,
  error,
}: {
  onInvite: (email: string, role: MemberRole) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="card form"
      aria-labelledby="invite-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        onInvite(v.email ?? "", (v.role as MemberRole) ?? "member");
        e.currentTarget.reset();
      }}
    >
      <h3 id="invite-title">{t("org.inviteTitle")}</h3>
      <p className="muted">{t("org.inviteHint")}</p>
      <FormError error={error} labels={{ email: t("org.email"), role: t("org.role") }} />
      <div className="grid grid--2">
        <Field
          label={t("org.email")}
          name="email"
          type="email"
          required
          error={fieldError(error, "email")}
        />
        <SelectField label={t("org.role")} name="role" defaultValue="member">
          <option value="member">{t("memberRoles.member")}</option>
          <option value="admin">{t("memberRoles.admin")}</option>
        </SelectField>
      </div>
      <Button type="submit" disabled={pending}>
        {t("org.inviteSubmit")}
      </Button>
    </form>
  );
}
