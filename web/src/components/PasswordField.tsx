import { Field, type FieldProps } from "./forms";

type PasswordFieldProps = Omit<FieldProps, "type" | "autoComplete"> & {
  /** "current" for signing in or confirming, "new" for choosing one (password managers offer to generate it). */
  purpose: "current" | "new";
};

/** A labelled password input that password managers understand. */
export function PasswordField({ purpose, ...field }: PasswordFieldProps) {
  return (
    <Field
      type="password"
      autoComplete={purpose === "new" ? "new-password" : "current-password"}
      {...field}
    />
  );
}
