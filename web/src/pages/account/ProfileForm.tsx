import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Locale, Me, User } from "../../api/auth";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import {
  Field,
  FormError,
  fieldError,
  formValues,
  Notice,
  SelectField,
} from "../../components/forms";

/** Name and language (the address is shown, not changed here). */
export function ProfileForm({
  user,
  profile,
}: {
  user: User;
  profile: UseMutationResult<Me, Error, { name: string; locale: Locale }>;
}) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="profile">
      <h2 id="profile">{t("account.profile")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          profile.mutate({ name: v.name ?? "", locale: v.locale === "en" ? "en" : "fr" });
        }}
      >
        {profile.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
        <FormError
          error={profile.error}
          labels={{ name: t("account.name"), locale: t("account.language") }}
        />
        <Field label={t("signIn.email")} name="email" value={user.email} readOnly />
        <Field
          label={t("account.name")}
          name="name"
          defaultValue={user.name}
          required
          error={fieldError(profile.error, "name")}
        />
        <SelectField label={t("account.language")} name="locale" defaultValue={user.locale}>
          <option value="fr" lang="fr">
            Français
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <Button type="submit" disabled={profile.isPending}>
          {t("common.save")}
        </Button>
      </form>
    </Card>
  );
}
