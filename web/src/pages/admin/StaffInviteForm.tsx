import { useTranslation } from "react-i18next";
import { platformRoles } from "../../api/admin";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Field, FormError, fieldError, formValues } from "../../components/forms";
import type { useInviteStaff } from "./use-admin";

/** A staff invitation: an email address and the roles it will hold (reviewer at first). */
export function StaffInviteForm({ invite }: { invite: ReturnType<typeof useInviteStaff> }) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="invite-staff">
      <h2 id="invite-staff">{t("admin.inviteTitle")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const v = formValues(form);
          const roles = platformRoles.filter((r) => new FormData(form).getAll("roles").includes(r));
          invite.mutate({ email: v.email ?? "", roles });
        }}
      >
        <FormError
          error={invite.error}
          labels={{ email: t("admin.email"), roles: t("admin.roles") }}
        />
        <Field
          label={t("admin.email")}
          name="email"
          type="email"
          required
          error={fieldError(invite.error, "email")}
        />
        <fieldset className="checks">
          <legend>{t("admin.roles")}</legend>
          {platformRoles.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={role === "reviewer"}
              />{" "}
              {t(`platformRoles.${role}`)}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={invite.isPending}>
          {t("admin.inviteSubmit")}
        </Button>
      </form>
    </Card>
  );
}
