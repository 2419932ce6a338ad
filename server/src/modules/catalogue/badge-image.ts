import { badgeImageSvg } from "@blason/openbadges";
import type { findBadge } from "./catalogue.repo";

type FoundBadge = NonNullable<Awaited<ReturnType<typeof findBadge>>>;

/** The generated picture of a badge class: its colour, name and collection. */
export function badgeSvgFor(found: Pick<FoundBadge, "badge" | "collection">): string {
  return badgeImageSvg({
    title: found.badge.name,
    subtitle: `Label CFA ${found.collection.version}`,
    color: found.badge.color,
    required: found.badge.required,
  });
}
