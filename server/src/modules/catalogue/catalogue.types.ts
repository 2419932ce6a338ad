/** A programme's catalogue is data: collections, badges, criteria, rules. */
export type Criterion = {
  /** What the applicant must show. */
  statement: string;
  /** The evidence reviewers expect for it. */
  evidence: string[];
};

export type Alignment = { framework: string; code: string; name: string };

export type CatalogueBadge = {
  slug: string;
  name: string;
  /** One or two sentences: what the badge recognises. */
  recognises: string;
  criteria: Criterion[];
  required: boolean;
  validityMonths: number;
  /** What renewal asks for beyond the first award, when it differs. */
  renewalExtra?: string;
  alignments: Alignment[];
  /** Heraldic colour of the generated image. */
  color: string;
};

export type Collection = {
  version: string;
  name: string;
  /** The label rule of this collection, and the label badge itself. */
  label: {
    total: number;
    /** How long a confirmed label lasts, in months. */
    validityMonths: number;
    /** The label's own badge class: what it recognises and how it is earned. */
    badge: Pick<CatalogueBadge, "slug" | "name" | "recognises" | "criteria" | "color">;
  };
  badges: CatalogueBadge[];
  /** Older badges whose still-valid awards count as a badge of this collection. */
  equivalences: { fromVersion: string; fromSlug: string; toSlug: string }[];
};
