import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { issuerDid } from "../credentials/issuer.service";
import { type BadgeClassSummary, readBadgeClass } from "./registration.rules";
import { findOwnedBadgeClass } from "./registrations.repo";
import { registrationTexts as texts } from "./registrations.text";

/** Where a partner points to the badge it registers. */
export type RegistrationSource =
  | { source: "url"; url: string }
  | { source: "json"; json: string }
  | { source: "blason"; badgeClassId: string };

export type SourcedBadge = BadgeClassSummary & {
  document: Record<string, unknown> | null;
  blasonId: string | null;
};

const invalid = (reason: string) =>
  new AppError("REGISTRATION_DOCUMENT_INVALID", { document: reason });

/** Reads the badge class from where the partner points: a URL (fetched safely), pasted JSON, or Blason. */
export async function readSource(
  ctx: AppContext,
  input: RegistrationSource,
  organisationId: string,
): Promise<SourcedBadge> {
  if (input.source === "blason") {
    const row = await findOwnedBadgeClass(ctx.db, input.badgeClassId);
    if (!row || row.programme.ownerOrgId !== organisationId)
      throw invalid(texts.notYourBlasonBadge);
    return {
      iri: `${ctx.config.publicUrl}/badges/${row.badge.id}`,
      name: row.badge.name,
      description: row.badge.recognises,
      image: `${ctx.config.publicUrl}/api/public/badges/${row.badge.id}/image.png`,
      version: "3.0",
      issuerIri: issuerDid(ctx.config, row.owner.slug),
      document: null,
      blasonId: row.badge.id,
    };
  }
  const document = input.source === "url" ? await fetchDocument(ctx, input.url) : parse(input.json);
  const read = readBadgeClass(document);
  if ("ok" in read) throw invalid(read.reason);
  return { ...read, document: document as Record<string, unknown>, blasonId: null };
}

async function fetchDocument(ctx: AppContext, url: string): Promise<unknown> {
  const fetched = await ctx.fetcher(url, { accept: "application/ld+json, application/json" });
  if (!fetched.ok) throw invalid(texts.unreadableUrl(fetched.message));
  try {
    return JSON.parse(fetched.text);
  } catch {
    throw invalid(texts.urlNotJson);
  }
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw invalid(texts.pastedNotJson);
  }
}
