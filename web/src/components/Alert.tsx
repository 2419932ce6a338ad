import type { HTMLAttributes, ReactNode, Ref } from "react";

export type AlertTone = "error" | "success" | "warning" | "info";

type AlertProps = HTMLAttributes<HTMLDivElement> & {
  tone: AlertTone;
  /** Not announced when it appears (it is part of the page as loaded): no alert or status role. */
  quiet?: boolean;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

/**
 * A message in a coloured frame with a side bar. An error is an alert
 * (announced at once), a success a status; a warning or information is
 * announced only when the caller gives it a role. Styles: Alert.css.
 */
export function Alert({ tone, quiet, className, role, ...rest }: AlertProps) {
  const defaultRole = quiet
    ? undefined
    : tone === "error"
      ? "alert"
      : tone === "success"
        ? "status"
        : undefined;
  const classes = ["alert", `alert--${tone}`, className ?? ""].filter(Boolean).join(" ");
  const announced = role ?? defaultRole;
  return <div className={classes} {...(announced ? { role: announced } : {})} {...rest} />;
}
