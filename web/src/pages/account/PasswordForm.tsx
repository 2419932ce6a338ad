import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, fieldError, formValues, Notice } from "../../components/forms";
import { PasswordField } from "../../components/PasswordField";

/** Changing the password: the current one, then the new one. */
export function PasswordForm({
  password,
}: {
  password: UseMutationResult<unknown, Error, { current: string; next: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="password">
      <h2 id="password">{t("account.passwordTitle")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          password.mutate({ current: v.currentPassword ?? "", next: v.newPassword ?? "" });
        }}
      >
        {password.isSuccess ? <Notice>{t("account.changed")}</Notice> : null}
        <FormError
          error={password.error}
          labels={{ currentPassword: t("account.current"), newPassword: t("account.new") }}
        />
        <PasswordField
          purpose="current"
          label={t("account.current")}
          name="currentPassword"
          required
          error={fieldError(password.error, "currentPassword")}
        />
        <PasswordField
          purpose="new"
          label={t("account.new")}
          name="newPassword"
          hint={t("reset.hint")}
          required
          error={fieldError(password.error, "newPassword")}
        />
        <Button type="submit" disabled={password.isPending}>
          {t("account.change")}
        </Button>
      </form>
    </Card>
  );
}
