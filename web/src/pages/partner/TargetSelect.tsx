import { SelectField } from "../../components/forms";
import { useTargets } from "./use-targets";

/** The regional competence and level a badge aims at, as `family|level`. */
export function TargetSelect({ label, defaultValue }: { label: string; defaultValue?: string }) {
  const targets = useTargets();
  return (
    <SelectField
      label={label}
      name="target"
      required
      {...(defaultValue !== undefined ? { defaultValue } : {})}
    >
      {targets.data?.targets.map((x) => (
        <option key={x.badgeClassId} value={`${x.family}|${x.level}`}>
          {x.name}
        </option>
      ))}
    </SelectField>
  );
}
