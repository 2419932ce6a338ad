import { useId } from "react";
import { useTranslation } from "react-i18next";

/** The holder the visitor expects (email, SIRET or UAI), with the server's word when it is mistyped. */
export function RecipientField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const ids = { input: useId(), hint: useId(), error: useId() };
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={ids.input}>
        {t("verifier.expectedLabel")}
        <span className="field__optional"> ({t("common.optional")})</span>
      </label>
      <p className="field__hint" id={ids.hint}>
        {t("verifier.expectedHint")}
      </p>
      {error ? (
        <p className="field__error" id={ids.error}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <input
        id={ids.input}
        name="recipient"
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
        {...(error ? { "aria-invalid": true } : {})}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
