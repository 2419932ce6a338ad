import { useTranslation } from "react-i18next";
import { Field } from "../../components/forms";

/** The address a person signs in with; the page keeps it (a magic link or a reset goes to it). */
export function EmailField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("signIn.email")}
      name="email"
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
