import type { ReactNode } from "react";

export type RadioOption<V extends string | number> = { value: V; label: ReactNode };

type RadioGroupProps<V extends string | number> = {
  /** The question, read before each option. */
  legend: ReactNode;
  name: string;
  options: readonly RadioOption<V>[];
  hint?: ReactNode;
  required?: boolean;
  /** Uncontrolled: the option checked at first. */
  defaultValue?: V | undefined;
  /** Controlled: the option checked now, with `onChange`. */
  value?: V | undefined;
  onChange?: (value: V) => void;
  className?: string;
};

/** A set of radio buttons in a fieldset whose legend names the question. Styles: RadioGroup.css. */
export function RadioGroup<V extends string | number>({
  legend,
  name,
  options,
  hint,
  required,
  defaultValue,
  value,
  onChange,
  className = "rating",
}: RadioGroupProps<V>) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {options.map((option) => (
        <label key={String(option.value)} className="rating__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            required={required}
            {...(value !== undefined
              ? { checked: value === option.value }
              : { defaultChecked: defaultValue === option.value })}
            {...(onChange ? { onChange: () => onChange(option.value) } : {})}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
