import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { Button } from "../../components/Button";
import { FormError, formValues, SelectField } from "../../components/forms";
import { AlreadyHeld } from "./AlreadyHeld";
import { heldCodes } from "./presentation";
import { useNewApplication } from "./use-applications";

/** A CFA opens a draft: which badge, a first award or a renewal. */
export function NewApplication({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { badges, create } = useNewApplication(organisationId);
  const held = create.error instanceof ApiError && heldCodes.includes(create.error.code);
  return (
    <form
      className="card inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        create.mutate({
          badgeClassId: v.badgeClassId ?? "",
          kind: v.kind === "renewal" ? "renewal" : "first",
        });
      }}
    >
      <h2>{t("applications.newTitle")}</h2>
      {held && create.variables ? (
        <AlreadyHeld
          organisationId={organisationId}
          badgeClassId={create.variables.badgeClassId}
          error={create.error as ApiError}
          onRenew={() =>
            create.mutate({ badgeClassId: create.variables!.badgeClassId, kind: "renewal" })
          }
          pending={create.isPending}
        />
      ) : (
        <FormError error={create.error} />
      )}
      <SelectField label={t("applications.badge")} name="badgeClassId" required>
        {(badges.data?.badges ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
            {b.required ? ` (${t("catalogue.required")})` : ""}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("applications.kind")} name="kind">
        <option value="first">{t("applications.first")}</option>
        <option value="renewal">{t("applications.renewal")}</option>
      </SelectField>
      <Button type="submit" disabled={create.isPending}>
        {t("applications.start")}
      </Button>
    </form>
  );
}
