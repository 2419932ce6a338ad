import { createHash } from "node:crypto";
import { didWebFromUrl } from "@blason/openbadges";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { IssuerProof } from "../../db/schema";
import { AppError } from "../../errors";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import { factsFromReport } from "../competences/badge-facts";
import { judgeIssuerProof } from "./registration.rules";

/**
 * The address a partner issues one of its badges to, to prove it controls
 * the badge's issuer: its own, derived from the organisation. A badge issued
 * to a person (anyone's copy) proves nothing; one issued to this address
 * could only come from whoever runs the issuer, at the partner's request.
 */
export function issuerProofAddress(config: Config, organisationId: string) {
  const tag = createHash("sha256")
    .update(`blason:issuer-proof:${organisationId}`)
    .digest("hex")
    .slice(0, 16);
  return `preuve-${tag}@${new URL(config.publicUrl).hostname}`;
}

/** An issuer Blason itself hosts: a did:web under Blason's address, or a page of it. */
export function hostedByBlason(config: Config, iri: string) {
  const did = didWebFromUrl(config.publicUrl);
  return iri === did || iri.startsWith(`${did}:`) || iri.startsWith(`${config.publicUrl}/`);
}

/** A proof as the partner gives it: a URL, JSON or a JWT as text, or a baked image as a data URL. */
function proofInput(proof: string): string | Uint8Array {
  const image = /^data:image\/(?:png|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$/.exec(proof.trim());
  return image ? new Uint8Array(Buffer.from(image[1]!, "base64")) : proof;
}

/** Verifies the partner's proof that it controls the issuer, or says why it is refused. */
export async function proveIssuer(
  ctx: AppContext,
  organisationId: string,
  expected: { issuerIri: string; badgeClassIri: string },
  proof: string | undefined,
): Promise<IssuerProof> {
  const recipient = issuerProofAddress(ctx.config, organisationId);
  const report = proof
    ? await verifyInWorkers(ctx, proofInput(proof), { recipient: { email: recipient } })
    : null;
  if (report) assertStorable(report, "proof");
  const facts = report ? factsFromReport(report) : null;
  const failure = judgeIssuerProof(facts, expected);
  if (failure || !report)
    throw new AppError(failure ?? "REGISTRATION_PROOF_REQUIRED", { proof: "" });
  const id = report.credential?.id;
  return {
    kind: "credential",
    credentialId: typeof id === "string" ? id : null,
    format: report.format,
    recipient,
    verifiedAt: new Date().toISOString(),
    credential: report.credential ?? null,
  };
}
