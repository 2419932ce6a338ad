import type { Config } from "../config";
import type { badgeClasses } from "../db/schema";
import type { BadgeProgramme } from "../modules/catalogue/awarding";

type BadgeRow = typeof badgeClasses.$inferSelect;

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** JSON inside <script type="application/ld+json">: no "</" may close the element early. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export type PageMeta = {
  title: string;
  description: string;
  url: string;
  image: string;
  imageAlt: string;
  jsonLd: Record<string, unknown>;
  /** The content for readers without JavaScript (escaped by the caller). */
  body: string;
};

/**
 * A public page as the first HTML response: title, description, Open Graph
 * and Twitter tags for link previews, a JSON-LD summary for search engines,
 * and the content itself for readers without JavaScript. React replaces the
 * content when it starts.
 */
export function renderShell(shell: string, page: PageMeta): string {
  const head = [
    `<title>${escapeHtml(page.title)} — Blason</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(page.url)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Blason" />`,
    `<meta property="og:locale" content="fr_FR" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(page.url)}" />`,
    `<meta property="og:image" content="${escapeHtml(page.image)}" />`,
    `<meta property="og:image:alt" content="${escapeHtml(page.imageAlt)}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${escapeHtml(page.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(page.description)}" />`,
    `<meta name="twitter:image" content="${escapeHtml(page.image)}" />`,
    `<script type="application/ld+json">${safeJson(page.jsonLd)}</script>`,
  ].join("\n    ");
  return shell
    .replace(/<title>[^<]*<\/title>/, "")
    .replace(/<meta name="description"[^>]*>/, "")
    .replace("</head>", `    ${head}\n  </head>`)
    .replace(
      '<div id="root"></div>',
      `<div id="root"><main id="contenu">${page.body}</main></div>`,
    );
}

/** The line above a badge's name: the label's collection, the competences programme, or the partner. */
export function programmeLine(p: BadgeProgramme): string {
  if (p.awarding === "partner" && p.partner) return `Badge délivré par ${p.partner}`;
  if (p.awarding === "commission" || p.awarding === "label")
    return `${p.programmeName} · Collection ${p.collection}`;
  return p.programmeName;
}

const duration = (months: number) =>
  months % 12 === 0 ? `${months / 12} an${months > 12 ? "s" : ""}` : `${months} mois`;

/** How long a badge is valid, and from what: as it is actually awarded. */
export function validitySentence(p: BadgeProgramme, validityMonths: number): string {
  const d = duration(validityMonths);
  switch (p.awarding) {
    case "commission":
      return `Valable ${d} à compter de la décision de la commission.`;
    case "label":
      return `Valable ${d} à compter de la confirmation du label par la Région, tant que la collection remplit la règle.`;
    case "automatic":
      return `Délivré automatiquement par la Région dès que des badges de structures partenaires remplissent sa règle ; valable ${d} à compter de sa délivrance, suspendu si un badge sur lequel il repose est retiré ou expire.`;
    case "request":
      return `Accordé par la Région à la structure partenaire qui le demande ; valable ${d} à compter de la décision.`;
    case "partner":
      return `Délivré par ${p.partner ?? "la structure partenaire"} ; valable ${d} à compter de sa délivrance.`;
  }
}

/** Who endorses the badge, and what they say of it. */
const endorsementsHtml = (list: { endorser: string; statement: string }[]) =>
  list.length === 0
    ? ""
    : `<h2>Approbations</h2><ul>${list.map((e) => `<li><p><strong>${escapeHtml(e.endorser)}</strong></p><blockquote>${escapeHtml(e.statement)}</blockquote></li>`).join("")}</ul>`;

/** The badge class page (/badges/:id). */
export function renderBadgeShell(
  shell: string,
  badge: BadgeRow,
  context: BadgeProgramme & {
    config: Pick<Config, "publicUrl">;
    endorsements?: { endorser: string; statement: string }[];
  },
): string {
  const url = `${context.config.publicUrl}/badges/${badge.id}`;
  const image = `${context.config.publicUrl}/api/public/badges/${badge.id}/image.png`;
  const criteria = badge.criteria
    .map(
      (c) =>
        `<li><p>${escapeHtml(c.statement)}</p><ul>${c.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul></li>`,
    )
    .join("");
  const recognisedBy = context.partner ?? "Région Normandie";
  return renderShell(shell, {
    title: `${badge.name} — ${context.partner ?? context.programmeName}`,
    description: badge.recognises,
    url,
    image,
    imageAlt: `Badge ${badge.name}`,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "EducationalOccupationalCredential",
      name: badge.name,
      description: badge.recognises,
      url,
      image,
      credentialCategory: "badge",
      recognizedBy: {
        "@type": context.partner ? "Organization" : "GovernmentOrganization",
        name: recognisedBy,
      },
      validFor: `P${badge.validityMonths}M`,
      competencyRequired: badge.criteria.map((c) => c.statement),
    },
    body: `<article><img src="/api/public/badges/${badge.id}/image.svg" alt="Badge ${escapeHtml(badge.name)}" width="280" height="308" /><p>${escapeHtml(programmeLine(context))}</p><h1>${escapeHtml(badge.name)}</h1>${badge.required ? "<p>Obligatoire pour le label</p>" : ""}<p>${escapeHtml(badge.recognises)}</p><p>${escapeHtml(validitySentence(context, badge.validityMonths))}</p><h2>Critères</h2><ol>${criteria}</ol>${endorsementsHtml(context.endorsements ?? [])}</article>`,
  });
}

const frDateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeZone: "Europe/Paris",
});
const frDate = (d: Date) => frDateFormat.format(d);

const statusText = {
  valid: "Valide",
  expired: "Expiré",
  revoked: "Révoqué",
  suspended: "Suspendu",
  pending_start: "Pas encore valide",
} as const;

/** An awarded badge's page (/credentials/:id), honest about its status. */
export function renderCredentialShell(
  shell: string,
  view: {
    id: string;
    badge: { id: string; name: string; recognises: string };
    programme: BadgeProgramme;
    /** Null for a person who does not show their name (a badge not accepted yet). */
    holder: string | null;
    issuer: string;
    validFrom: Date;
    validUntil: Date | null;
    status: keyof typeof statusText;
    suspensionReason?: string | null;
    revocationReason: string | null;
  },
  config: Pick<Config, "publicUrl">,
): string {
  const url = `${config.publicUrl}/credentials/${view.id}`;
  const image = `${config.publicUrl}/credentials/${view.id}.png`;
  const title = view.holder ? `${view.badge.name} — ${view.holder}` : view.badge.name;
  const status =
    view.status === "revoked" && view.revocationReason
      ? `${statusText.revoked} : ${view.revocationReason}`
      : view.status === "suspended" && view.suspensionReason
        ? `${statusText.suspended} : ${view.suspensionReason}`
        : statusText[view.status];
  const to = view.holder ?? "une personne qui n'affiche pas son nom";
  const description = `Badge délivré par ${view.issuer} à ${to} le ${frDate(view.validFrom)}. ${statusText[view.status]}.`;
  const awarded = view.holder
    ? `Délivré à <strong>${escapeHtml(view.holder)}</strong> par ${escapeHtml(view.issuer)}`
    : `Délivré par ${escapeHtml(view.issuer)} à ${escapeHtml(to)},`;
  return renderShell(shell, {
    title,
    description,
    url,
    image,
    imageAlt: `Badge ${view.badge.name}`,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "EducationalOccupationalCredential",
      name: view.badge.name,
      description: view.badge.recognises,
      url,
      image,
      credentialCategory: "badge",
      recognizedBy: { "@type": "GovernmentOrganization", name: view.issuer },
      dateCreated: view.validFrom.toISOString(),
      ...(view.validUntil ? { expires: view.validUntil.toISOString() } : {}),
    },
    body: `<article><img src="/credentials/${view.id}.svg" alt="Badge ${escapeHtml(view.badge.name)}" width="280" height="308" /><p>${escapeHtml(programmeLine(view.programme))}</p><h1>${escapeHtml(view.badge.name)}</h1><p>${awarded} le ${frDate(view.validFrom)}${view.validUntil ? `, valable jusqu'au ${frDate(view.validUntil)}` : ""}.</p><p>Statut : <strong>${escapeHtml(status)}</strong></p><p>${escapeHtml(view.badge.recognises)}</p><p><a href="/credentials/${view.id}.json">Le badge signé (JSON)</a> · <a href="/badges/${view.badge.id}">Les critères du badge</a></p></article>`,
  });
}

/** An organisation's passport (/passports/:slug): its badges and, for a CFA, its label. */
export function renderPassportShell(
  shell: string,
  view: {
    organisation: { slug: string; name: string; city: string | null; url: string };
    label: { eligible: boolean; count: number; total: number } | null;
    badges: { credentialId: string; name: string; url: string }[];
  },
  config: Pick<Config, "publicUrl">,
): string {
  const o = view.organisation;
  const labelLine = view.label
    ? view.label.eligible
      ? "Remplit la règle du label CFA Innovant et Durable."
      : `${view.label.count} badges sur les ${view.label.total} du label CFA Innovant et Durable.`
    : "";
  const description =
    `${view.badges.length} badge${view.badges.length > 1 ? "s" : ""} valide${view.badges.length > 1 ? "s" : ""} délivré${view.badges.length > 1 ? "s" : ""} par la Région Normandie. ${labelLine}`.trim();
  const image = view.badges[0]
    ? `${config.publicUrl}/credentials/${view.badges[0].credentialId}.png`
    : `${config.publicUrl}/favicon.svg`;
  const list = view.badges
    .map((b) => `<li><a href="/credentials/${b.credentialId}">${escapeHtml(b.name)}</a></li>`)
    .join("");
  return renderShell(shell, {
    title: `${o.name} — passeport de badges`,
    description,
    url: o.url,
    image,
    imageAlt: `Badges de ${o.name}`,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "EducationalOrganization",
      name: o.name,
      url: o.url,
      ...(o.city ? { address: { "@type": "PostalAddress", addressLocality: o.city } } : {}),
      hasCredential: view.badges.map((b) => ({
        "@type": "EducationalOccupationalCredential",
        name: b.name,
        url: b.url,
      })),
    },
    body: `<article><h1>${escapeHtml(o.name)}</h1><p>${escapeHtml(description)}</p><ul>${list}</ul></article>`,
  });
}
