import type { Credential } from "../../api/credentials";

/** LinkedIn's "add a certification" form, filled in with the badge. */
export function linkedInUrl(c: Credential): string {
  const from = new Date(c.validFrom);
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: c.badge.name,
    organizationName: c.issuer.name,
    issueYear: String(from.getUTCFullYear()),
    issueMonth: String(from.getUTCMonth() + 1),
    certUrl: c.url,
    certId: c.id,
  });
  if (c.validUntil) {
    const until = new Date(c.validUntil);
    params.set("expirationYear", String(until.getUTCFullYear()));
    params.set("expirationMonth", String(until.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${params}`;
}

/** A snippet for a website: the baked image, linking to the badge's page. */
export function embedCode(c: Credential): string {
  const attr = (v: string) =>
    v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const alt = c.holder.name ? `Badge ${c.badge.name} — ${c.holder.name}` : `Badge ${c.badge.name}`;
  return `<a href="${attr(c.url)}"><img src="${attr(c.downloads.png)}" alt="${attr(alt)}" width="120" height="132"></a>`;
}
