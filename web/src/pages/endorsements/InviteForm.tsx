import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { RadioGroup } from "../../components/RadioGroup";
import { useInviteChoices, useInviteEndorser } from "./use-endorsements";

const field = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

/** A manager invites an endorser: an organisation on Blason, or an external issuer. */
export function InviteForm() {
  const { t } = useTranslation();
  const { label, regional, organisations } = useInviteChoices();
  const invite = useInviteEndorser();
  const [kind, setKind] = useState<"blason" | "external">("blason");
  const orgs = (organisations.data?.organisations ?? []).filter((o) => o.kind !== "region");
  return (
    <section aria-labelledby="endorsement-invite" className="card">
      <h2 id="endorsement-invite">{t("endorsements.inviteTitle")}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const target = field(data, "target");
          invite.mutate({
            ...(target === "issuer"
              ? { target: "issuer" }
              : { target: "badge_class", badgeClassId: target }),
            endorser:
              kind === "blason"
                ? { organisationId: field(data, "organisation") }
                : {
                    issuerId: field(data, "issuerId"),
                    name: field(data, "name"),
                    email: field(data, "email"),
                  },
          });
        }}
      >
        <FormError error={invite.error} />
        {invite.isSuccess ? <p role="status">{t("endorsements.invited")}</p> : null}
        <div className="field">
          <label htmlFor="endorsement-target">{t("endorsements.endorsed")}</label>
          <select id="endorsement-target" name="target" required>
            <option value="issuer">{t("endorsements.regionAsIssuer")}</option>
            {[label.data, regional.data].map((catalogue) =>
              catalogue ? (
                <optgroup key={catalogue.programme.slug} label={catalogue.programme.name}>
                  {catalogue.badges
                    .filter((b) => !b.forOrganisations)
                    .map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.name}
                      </option>
                    ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </div>
        <RadioGroup
          legend={t("endorsements.endorser")}
          name="endorser-kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: "blason", label: t("endorsements.onBlason") },
            { value: "external", label: t("endorsements.external") },
          ]}
        />
        {kind === "blason" ? (
          <div className="field">
            <label htmlFor="endorsement-org">{t("endorsements.organisation")}</label>
            <select id="endorsement-org" name="organisation" required>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="endorsement-issuer">{t("endorsements.issuerId")}</label>
              <input id="endorsement-issuer" name="issuerId" required />
            </div>
            <div className="field">
              <label htmlFor="endorsement-name">{t("endorsements.name")}</label>
              <input id="endorsement-name" name="name" required minLength={2} />
            </div>
            <div className="field">
              <label htmlFor="endorsement-email">{t("endorsements.email")}</label>
              <input id="endorsement-email" name="email" type="email" required />
            </div>
          </>
        )}
        <Button type="submit" disabled={invite.isPending}>
          {t("endorsements.invite")}
        </Button>
      </form>
    </section>
  );
}
