import type { InputHTMLAttributes, ReactNode } from "react";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: ReactNode;
  name: string;
};

/** A checkbox inside its label (the whole line is the target, 44 px high). Styles: Checkbox.css. */
export function Checkbox({ label, className, ...input }: CheckboxProps) {
  return (
    <label className={["checkbox", className ?? ""].filter(Boolean).join(" ")}>
      <input type="checkbox" {...input} />
      {label}
    </label>
  );
}
