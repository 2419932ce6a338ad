/**
 * What a draft collection must satisfy before it is published, and which
 * equivalences between badges are acceptable. Pure: every problem is listed,
 * each with its French and English words, so that a manager fixes them all
 * at once.
 */

export type DraftBadge = {
  id: string;
  slug: string;
  name: string;
  required: boolean;
  validityMonths: number;
  criteria: { statement: string; evidence: string[] }[];
  /** Programme 2: how the badge is earned, as data. */
  rule?: Record<string, unknown> | null;
};

export type DraftProblem = { field: string; fr: string; en: string };

export function draftProblems(draft: {
  version: string;
  labelTotal: number;
  labelValidityMonths: number;
  badges: readonly DraftBadge[];
  takenVersions: readonly string[];
}): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const { badges } = draft;
  if (!/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/.test(draft.version))
    problems.push({
      field: "version",
      fr: "La version doit être courte, en lettres, chiffres, points ou tirets (par exemple 2030).",
      en: "The version must be short: letters, digits, dots or dashes (for example 2030).",
    });
  if (draft.takenVersions.includes(draft.version))
    problems.push({
      field: "version",
      fr: `La version ${draft.version} existe déjà.`,
      en: `Version ${draft.version} already exists.`,
    });
  if (badges.length === 0)
    problems.push({
      field: "badges",
      fr: "La collection n'a aucun badge.",
      en: "The collection has no badge.",
    });
  if (draft.labelTotal < 1 || draft.labelTotal > badges.length)
    problems.push({
      field: "labelTotal",
      fr: `Le label demande ${draft.labelTotal} badges alors que la collection en compte ${badges.length}.`,
      en: `The label asks for ${draft.labelTotal} badges but the collection has ${badges.length}.`,
    });
  const required = badges.filter((b) => b.required).length;
  if (required > draft.labelTotal)
    problems.push({
      field: "labelTotal",
      fr: `${required} badges sont obligatoires, plus que les ${draft.labelTotal} demandés pour le label.`,
      en: `${required} badges are required, more than the ${draft.labelTotal} the label asks for.`,
    });
  problems.push(...ruleProblems(badges));
  if (draft.labelValidityMonths < 1 || draft.labelValidityMonths > 120)
    problems.push({
      field: "labelValidityMonths",
      fr: "La durée du label doit être comprise entre 1 et 120 mois.",
      en: "The label's validity must be between 1 and 120 months.",
    });
  const seen = new Map<string, number>();
  for (const b of badges) seen.set(b.slug, (seen.get(b.slug) ?? 0) + 1);
  for (const [slug, n] of seen)
    if (n > 1)
      problems.push({
        field: "badges",
        fr: `L'identifiant « ${slug} » est utilisé par ${n} badges.`,
        en: `The identifier "${slug}" is used by ${n} badges.`,
      });
  for (const b of badges) {
    const field = `badge:${b.id}`;
    if (!b.name.trim())
      problems.push({ field, fr: "Un badge n'a pas de nom.", en: "A badge has no name." });
    if (b.validityMonths < 1 || b.validityMonths > 120)
      problems.push({
        field,
        fr: `« ${b.name} » : la validité doit être comprise entre 1 et 120 mois.`,
        en: `"${b.name}": the validity must be between 1 and 120 months.`,
      });
    if (b.criteria.length === 0)
      problems.push({
        field,
        fr: `« ${b.name} » n'a aucun critère.`,
        en: `"${b.name}" has no criterion.`,
      });
    for (const [i, c] of b.criteria.entries()) {
      if (!c.statement.trim())
        problems.push({
          field,
          fr: `« ${b.name} » : le critère ${i + 1} est vide.`,
          en: `"${b.name}": criterion ${i + 1} is empty.`,
        });
      if (c.evidence.filter((e) => e.trim()).length === 0)
        problems.push({
          field,
          fr: `« ${b.name} » : le critère ${i + 1} n'indique aucune preuve attendue.`,
          en: `"${b.name}": criterion ${i + 1} names no expected evidence.`,
        });
    }
  }
  return problems;
}

export type EquivalenceBadge = {
  id: string;
  programmeId: string;
  kind: string;
  /** When its collection was published; null for a draft. */
  publishedAt: Date | null;
};

export type EquivalenceRefusal =
  | "EQUIVALENCE_SAME_BADGE"
  | "EQUIVALENCE_OTHER_PROGRAMME"
  | "EQUIVALENCE_NOT_A_BADGE"
  | "EQUIVALENCE_NOT_NEWER"
  | "EQUIVALENCE_ALREADY_MAPPED"
  | "EQUIVALENCE_CYCLE";

/**
 * An older badge may count as a newer one of the same programme: one
 * successor per badge, never towards an older or draft collection, never
 * in a loop.
 */
export function equivalenceRefusal(
  from: EquivalenceBadge,
  to: EquivalenceBadge,
  existing: readonly { fromBadgeId: string; toBadgeId: string }[],
): EquivalenceRefusal | null {
  if (from.id === to.id) return "EQUIVALENCE_SAME_BADGE";
  if (from.programmeId !== to.programmeId) return "EQUIVALENCE_OTHER_PROGRAMME";
  if (from.kind !== "badge" || to.kind !== "badge") return "EQUIVALENCE_NOT_A_BADGE";
  if (
    !from.publishedAt ||
    !to.publishedAt ||
    to.publishedAt.getTime() <= from.publishedAt.getTime()
  )
    return "EQUIVALENCE_NOT_NEWER";
  if (existing.some((e) => e.fromBadgeId === from.id)) return "EQUIVALENCE_ALREADY_MAPPED";
  // Following successors from the target must never come back to the source.
  const seen = new Set<string>();
  let current: string | undefined = to.id;
  while (current && !seen.has(current)) {
    if (current === from.id) return "EQUIVALENCE_CYCLE";
    seen.add(current);
    current = existing.find((e) => e.fromBadgeId === current)?.toBadgeId;
  }
  return null;
}

/**
 * Programme 2's rules as data: a competence and level is the aim of one badge
 * only, and an aggregate cannot ask for more distinct competences than the
 * collection offers at its level.
 */
function ruleProblems(badges: readonly DraftBadge[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const levels = badges.flatMap((b) =>
    b.rule?.kind === "level"
      ? [{ badge: b, family: String(b.rule.family), level: Number(b.rule.level) }]
      : [],
  );
  const seen = new Map<string, string>();
  for (const { badge, family, level } of levels) {
    const key = `${family}|${level}`;
    const first = seen.get(key);
    if (first)
      problems.push({
        field: `badge:${badge.id}`,
        fr: `« ${badge.name} » et « ${first} » visent tous deux la compétence ${family} au niveau ${level}.`,
        en: `"${badge.name}" and "${first}" both aim at competence ${family} at level ${level}.`,
      });
    else seen.set(key, badge.name);
  }
  for (const badge of badges) {
    if (badge.rule?.kind !== "aggregate") continue;
    const level = Number(badge.rule.level);
    const wanted = Number(badge.rule.distinctFamilies);
    const offered = new Set(levels.filter((l) => l.level === level).map((l) => l.family)).size;
    if (wanted > offered)
      problems.push({
        field: `badge:${badge.id}`,
        fr: `« ${badge.name} » demande ${wanted} compétences différentes au niveau ${level}, mais la collection n'en propose que ${offered}.`,
        en: `"${badge.name}" asks for ${wanted} distinct competences at level ${level}, but the collection offers only ${offered}.`,
      });
  }
  return problems;
}
