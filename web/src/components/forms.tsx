import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { Alert } from "./Alert";

type FrameProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
};

/**
 * Label, hint and error around one control; the control receives the ids
 * that tie it to them (aria-describedby) and its invalid state.
 */
function FieldFrame({
  label,
  hint,
  error,
  optional,
  id: givenId,
  children,
}: FrameProps & {
  /** The control's id when the page links to it (`#motivation`); generated otherwise. */
  id?: string | undefined;
  children: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("common.optional")})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
    </div>
  );
}

export type FieldProps = FrameProps & { name: string } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "name"
  >;

/** A labelled input whose hint and error are announced with it. */
export function Field({ label, name, hint, error, optional, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional}>
      {(a11y) => <input name={name} {...a11y} {...input} />}
    </FieldFrame>
  );
}

type SelectProps = FrameProps & { name: string; children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name"
  >;

export function SelectField({ label, name, hint, error, children, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(a11y) => (
        <select name={name} {...a11y} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

type TextAreaProps = FrameProps & { name: string; id?: string } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    "name" | "id"
  >;

/** A labelled text area whose hint and error are announced with it. */
export function TextAreaField({
  label,
  name,
  hint,
  error,
  optional,
  id,
  ...textarea
}: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id}>
      {(a11y) => <textarea name={name} {...a11y} {...textarea} />}
    </FieldFrame>
  );
}

/** The general message of a failed request, focused so that screen readers announce it. */
export function FormError({
  error,
  labels = {},
}: {
  error: unknown;
  labels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert tone="error" tabIndex={-1}>
      <p>
        <strong>{message}</strong>
      </p>
      {fields.length > 0 ? (
        <>
          <p>{t("common.errorSummary")}</p>
          <ul>
            {fields.map(([field, text]) => (
              <li key={field}>
                {t("common.labelled", { label: labels[field] ?? field, value: text })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}

/** A page's record while it loads, or the reason it cannot be shown, under the page's heading. */
export function Unavailable({
  query,
  title,
}: {
  query: { isPending: boolean; error: unknown };
  title: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p>{t("common.loading")}</p>;
  return (
    <>
      <h1>{title}</h1>
      <FormError error={query.error} />
    </>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <Alert tone="success">
      <span aria-hidden="true">✓ </span>
      {children}
    </Alert>
  );
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") out[key] = value;
  });
  return out;
}
