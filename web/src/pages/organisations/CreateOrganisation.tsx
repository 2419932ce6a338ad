import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type OrganisationKind, organisationKinds } from "../../api/organisations";
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
import { useCreateOrganisation, useOrganisationList } from "./use-organisations";

/** A new organisation: a UFA names its CFA; the server checks SIRET and UAI. */
export function CreateOrganisation() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<OrganisationKind>("cfa");
  const cfas = useOrganisationList({ kind: "cfa" });
  const create = useCreateOrganisation();
  const labels = {
    name: t("orgs.name"),
    siret: t("orgs.siret"),
    uai: t("orgs.uai"),
    contactEmail: t("orgs.contactEmail"),
    parentId: t("orgs.parent"),
    website: t("orgs.website"),
    city: t("orgs.city"),
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    create.mutate({
      name: v.name ?? "",
      kind,
      contactEmail: v.contactEmail ?? "",
      ...(kind === "ufa" ? { parentId: v.parentId || null } : {}),
      siret: v.siret || null,
      uai: v.uai || null,
      city: v.city || null,
      website: v.website || null,
    });
  };
  const err = (f: string) => fieldError(create.error, f);
  return (
    <Card as="section" aria-labelledby="create-org">
      <h2 id="create-org">{t("orgs.createTitle")}</h2>
      {create.isSuccess ? (
        <Notice>
          {t("orgs.created")}{" "}
          <Link to={`/organisations/${create.data.id}`}>{create.data.name}</Link>
        </Notice>
      ) : null}
      <form onSubmit={submit} className="form" noValidate>
        <FormError error={create.error} labels={labels} />
        <Field label={labels.name} name="name" required error={err("name")} />
        <SelectField
          label={t("orgs.kind")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrganisationKind)}
        >
          {organisationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === "ufa" ? (
          <SelectField
            label={labels.parentId}
            name="parentId"
            hint={t("orgs.parentHint")}
            error={err("parentId")}
            defaultValue=""
          >
            <option value="">{t("orgs.choose")}</option>
            {cfas.data?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="grid grid--2">
          <Field
            label={labels.siret}
            name="siret"
            inputMode="numeric"
            hint={t("orgs.siretHint")}
            optional
            error={err("siret")}
          />
          <Field
            label={labels.uai}
            name="uai"
            hint={t("orgs.uaiHint")}
            optional
            error={err("uai")}
          />
        </div>
        <Field
          label={labels.contactEmail}
          name="contactEmail"
          type="email"
          hint={t("orgs.contactHint")}
          required
          error={err("contactEmail")}
        />
        <div className="grid grid--2">
          <Field label={labels.city} name="city" optional error={err("city")} />
          <Field label={labels.website} name="website" type="url" optional error={err("website")} />
        </div>
        <Button type="submit" disabled={create.isPending}>
          {t("orgs.create")}
        </Button>
      </form>
    </Card>
  );
}
