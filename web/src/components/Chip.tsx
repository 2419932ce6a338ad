import type { HTMLAttributes, ReactNode } from "react";

export type ChipTone = "plain" | "ok" | "warning" | "danger" | "gold";

type ChipProps = HTMLAttributes<HTMLSpanElement> & { tone?: ChipTone; children?: ReactNode };

/** A short word in a pill: a state, a kind, a count. Never colour alone: the word says it. Styles: Chip.css. */
export function Chip({ tone = "plain", className, ...rest }: ChipProps) {
  const classes = ["chip", tone === "plain" ? "" : `chip--${tone}`, className ?? ""]
    .filter(Boolean)
    .join(" ");
  return <span className={classes} {...rest} />;
}
