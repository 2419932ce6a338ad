import type { ButtonHTMLAttributes, Ref } from "react";

export type ButtonVariant =
  | "primary"
  | "secondary"
  | "light"
  | "ghost"
  | "ghost-dark"
  | "danger"
  | "link";
export type ButtonSize = "small" | "large";

/** The class names of a button's look, for links that look like buttons (`<Link className={buttonClass()}>`). */
export function buttonClass(
  variant: ButtonVariant = "primary",
  size?: ButtonSize,
  extra?: string,
): string {
  const base =
    variant === "link"
      ? "link-button"
      : `button${variant === "primary" ? "" : ` button--${variant}`}`;
  return [base, size && variant !== "link" ? `button--${size}` : "", extra ?? ""]
    .filter(Boolean)
    .join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
};

/** A button (never a submit by accident: `type` is "button" unless given). Styles: Button.css. */
export function Button({ variant, size, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
