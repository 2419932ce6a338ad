import type { Locale } from "../../errors";

export type RenderedEmail = { subject: string; text: string; html: string };

/** What a template says; the layout turns it into the text and HTML parts. */
export type EmailContent = {
  subject: string;
  intro: string[];
  action?: { label: string; url: string };
  outro: string[];
};

/** A template in every language, from the same parameters. */
export type Template<P> = Record<Locale, (params: P) => EmailContent>;

export const longDate = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));

const footers: Record<Locale, string> = {
  fr: "Blason — la plateforme des badges ouverts de la Région. Message automatique : merci de ne pas y répondre.",
  en: "Blason — the Region's open badge platform. Automatic message: please do not reply.",
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const paragraphs = (lines: string[]) =>
  lines.map((l) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(l)}</p>`).join("");

/** The Blason frame shared by every message: header, button, footer. */
export function renderLayout(c: EmailContent, locale: Locale): RenderedEmail {
  const footer = footers[locale];
  const text = [
    ...c.intro,
    ...(c.action ? [`${c.action.label} : ${c.action.url}`] : []),
    ...c.outro,
    "--",
    footer,
  ].join("\n\n");
  const button = c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#1f3a8a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(c.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(c.action.url)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head><body style="margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2937"><div role="article" aria-label="${escapeHtml(c.subject)}" style="max-width:560px;margin:0 auto;padding:24px"><div style="background:#1f3a8a;color:#ffffff;padding:16px 24px;border-radius:8px 8px 0 0;font-size:20px;font-weight:700">Blason <span style="color:#f2c14e">&#9733;</span></div><div style="background:#ffffff;padding:24px;border-radius:0 0 8px 8px">${paragraphs(c.intro)}${button}${paragraphs(c.outro)}</div><p style="font-size:12px;color:#4b5563;margin:16px 0">${escapeHtml(footer)}</p></div></body></html>`;
  return { subject: c.subject, text, html };
}
