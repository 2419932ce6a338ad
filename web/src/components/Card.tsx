import type { HTMLAttributes, ReactNode } from "react";

type CardProps = HTMLAttributes<HTMLElement> & {
  /** The element: a section when the card has a heading, an article for a record, a list item in a list. */
  as?: "div" | "section" | "article" | "li" | "aside";
  /** The gold top border of recognition (the label, an earned badge). */
  accent?: boolean;
  children?: ReactNode;
};

/** A white surface with the shared radius and shadow. Styles: Card.css. */
export function Card({ as: Tag = "div", accent, className, ...rest }: CardProps) {
  const classes = ["card", accent ? "card--accent" : "", className ?? ""].filter(Boolean).join(" ");
  return <Tag className={classes} {...rest} />;
}
