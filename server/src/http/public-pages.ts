import type { Config } from "../config";
import type { badgeClasses } from "../db/schema";

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

/**
 * The badge page as the first HTML response: title, description, Open Graph
 * and Twitter tags for link previews, a JSON-LD summary for search engines,
 * and the content itself for readers without JavaScript. React replaces the
 * content when it starts.
 */
export function renderBadgeShell(
  shell: string,
  badge: BadgeRow,
  context: { programmeName: string; collection: string; config: Pick<Config, "publicUrl"> },
): string {
  const url = `${context.config.publicUrl}/badges/${badge.id}`;
  const image = `${context.config.publicUrl}/api/public/badges/${badge.id}/image.png`;
  const title = `${badge.name} — ${context.programmeName}`;
  const head = [
    `<title>${escapeHtml(title)} — Blason</title>`,
    `<meta name="description" content="${escapeHtml(badge.recognises)}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Blason" />`,
    `<meta property="og:locale" content="fr_FR" />`,
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(badge.recognises)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta property="og:image" content="${escapeHtml(image)}" />`,
    `<meta property="og:image:alt" content="${escapeHtml(`Badge ${badge.name}`)}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${escapeHtml(title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(badge.recognises)}" />`,
    `<meta name="twitter:image" content="${escapeHtml(image)}" />`,
    `<script type="application/ld+json">${safeJson({
      "@context": "https://schema.org",
      "@type": "EducationalOccupationalCredential",
      name: badge.name,
      description: badge.recognises,
      url,
      image,
      credentialCategory: "badge",
      recognizedBy: { "@type": "GovernmentOrganization", name: "Région Normandie" },
      validFor: `P${badge.validityMonths}M`,
      competencyRequired: badge.criteria.map((c) => c.statement),
    })}</script>`,
  ].join("\n    ");
  const criteria = badge.criteria
    .map(
      (c) =>
        `<li><p>${escapeHtml(c.statement)}</p><ul>${c.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul></li>`,
    )
    .join("");
  const body = `<main id="contenu"><article><img src="/api/public/badges/${badge.id}/image.svg" alt="Badge ${escapeHtml(badge.name)}" width="280" height="308" /><p>${escapeHtml(context.programmeName)} · Collection ${escapeHtml(context.collection)}</p><h1>${escapeHtml(badge.name)}</h1>${badge.required ? "<p>Obligatoire pour le label</p>" : ""}<p>${escapeHtml(badge.recognises)}</p><p>Valable ${badge.validityMonths / 12} ans à compter de la décision de la commission.</p><h2>Critères</h2><ol>${criteria}</ol></article></main>`;
  return shell
    .replace(/<title>[^<]*<\/title>/, "")
    .replace(/<meta name="description"[^>]*>/, "")
    .replace("</head>", `    ${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${body}</div>`);
}
