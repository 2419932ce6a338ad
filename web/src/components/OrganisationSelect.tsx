import type { Me } from "../api/auth";
import { SelectField } from "./forms";

/** Which of their organisations a member acts for; nothing to choose when they belong to one. */
export function OrganisationSelect({
  label,
  memberships,
}: {
  label: string;
  memberships: Me["memberships"];
}) {
  if (memberships.length < 2) return null;
  return (
    <SelectField label={label} name="organisationId">
      {memberships.map((m) => (
        <option key={m.organisation.id} value={m.organisation.id}>
          {m.organisation.name}
        </option>
      ))}
    </SelectField>
  );
}
