import type { AppContext } from "../../context";
import type { Locale } from "../../errors";
import { credentialUrl } from "../../lib/urls";
import { awardingOf } from "../catalogue/awarding";
import type { CredentialView } from "./credentials.schema";
import { credentialStatus, type FoundCredential, ob2 } from "./credentials.service";
import { localiseReason } from "./reasons";

/** A credential as the API shows it, its reasons in the reader's language. */
export function presentCredential(
  ctx: AppContext,
  f: FoundCredential,
  locale: Locale,
): CredentialView {
  const base = ctx.config.publicUrl;
  return {
    id: f.credential.id,
    url: credentialUrl(ctx.config, f.credential.id),
    status: credentialStatus(f.credential),
    revocationReason: localiseReason(f.credential.revocationReason, locale),
    revokedAt: f.credential.revokedAt?.toISOString() ?? null,
    suspensionReason: f.credential.suspendedAt
      ? localiseReason(f.credential.suspensionReason, locale)
      : null,
    shownPublicly: f.credential.shownPublicly,
    evidence: (
      (f.credential.document.evidence as { name?: string; narrative?: string }[]) ?? []
    ).map((e) => ({
      ...(e.name ? { name: e.name } : {}),
      ...(e.narrative ? { narrative: e.narrative } : {}),
    })),
    claimState: f.credential.claimState as "pending" | "accepted" | "declined",
    validFrom: f.credential.validFrom.toISOString(),
    validUntil: f.credential.validUntil?.toISOString() ?? null,
    badge: {
      id: f.badge.id,
      name: f.badge.name,
      recognises: f.badge.recognises,
      required: f.badge.required,
      kind: f.badge.kind as "badge" | "label",
      collection: f.collection.version,
      programme: {
        slug: f.programme.slug,
        name: f.programme.name,
        partner: f.owner?.name ?? null,
      },
      awarding: awardingOf(f.badge, f.programme),
      image: `${base}/api/public/badges/${f.badge.id}/image.svg`,
    },
    holder: {
      id: f.subject.id,
      name: f.holderHidden ? null : f.subject.name,
      kind: f.subject.kind === "person" ? "person" : f.subject.organisation.kind,
    },
    issuer: { name: f.issuer.name, url: `${base}/issuers/${f.issuer.slug}` },
    downloads: {
      json: `${base}/credentials/${f.credential.id}.json`,
      png: `${base}/credentials/${f.credential.id}.png`,
      svg: `${base}/credentials/${f.credential.id}.svg`,
      ob2: ob2.assertionUrl(ctx, f.credential.id),
      ob2Png: `${ob2.assertionUrl(ctx, f.credential.id)}.png`,
      ob2Svg: `${ob2.assertionUrl(ctx, f.credential.id)}.svg`,
    },
  };
}
