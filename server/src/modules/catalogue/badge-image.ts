import { badgeImageSvg } from "@blason/openbadges";
import type { findBadge } from "./catalogue.repo";

type FoundBadge = NonNullable<Awaited<ReturnType<typeof findBadge>>>;

/**
 * The line under a badge's name: the label's collection, the Region for the
 * competences programme (its badges carry a rule), or the partner whose own
 * badge it is.
 */
export function subtitleFor({ badge, collection }: Pick<FoundBadge, "badge" | "collection">) {
  if (collection.name.startsWith("Label CFA")) return `Label CFA ${collection.version}`;
  if (badge.rule) return "Région Normandie";
  // Whole: the image fits it on the ribbon, however long.
  return collection.name.replace(/^Badges de /, "");
}

/** The generated picture of a badge class: its colour, name and collection. */
export function badgeSvgFor(found: Pick<FoundBadge, "badge" | "collection">): string {
  return badgeImageSvg({
    title: found.badge.name,
    subtitle: subtitleFor(found),
    color: found.badge.color,
    required: found.badge.required,
  });
}
