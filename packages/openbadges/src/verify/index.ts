import type { DocumentLoader } from "../contexts";
import { createSafeFetcher, type Fetcher } from "../fetch";
import { DEFAULT_LIMITS, type Limits } from "../limits";
import { MAX_INPUT_BYTES, parseInput, parseJson } from "./input";
import { verifyJwt } from "./jwt";
import { verifierDocumentLoader } from "./keys";
import { goneAssertion, verifyOb2Hosted, verifyOb2Signed } from "./ob2";
import { isOb2Document, verifyOb2Document } from "./ob2-document";
import { verifyOb3 } from "./ob3";
import { finish, type Reason, r, type Step, type VerificationReport } from "./report";
import { type Context, typesOf } from "./util";

export { parseInput } from "./input";
export * from "./report";

export type VerifyOptions = {
  /** Every remote document goes through it; default: the safe fetcher. */
  fetcher?: Fetcher;
  now?: Date;
  /** The expected recipient: an email address, a SIRET, a UAI or an identifier (DID, URL). */
  recipient?: { email?: string; id?: string; siret?: string; uai?: string };
  /**
   * Loads contexts (bundled only), did:key (computed) and the issuer's
   * published keys; default: the bundled loader backed by the fetcher.
   */
  documentLoader?: DocumentLoader;
  /** Input size cap in bytes; default 5 MB. */
  maxBytes?: number;
  /** Overall time budget in milliseconds; default 20 s. */
  timeoutMs?: number;
  /** Bounds on values, list lengths, depth and RDF statements; default DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
};

export type VerifyInput = string | Uint8Array | ArrayBuffer | object;

/**
 * Verifies anything a person may hand us (JSON, JWT, URL, baked PNG or SVG,
 * OB 3.0 or 2.0) and answers a report. It never throws and never hangs.
 */
export async function verifyCredential(
  input: VerifyInput,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<VerificationReport>((resolve) => {
    timer = setTimeout(() => resolve(timedOutReport()), timeoutMs);
  });
  try {
    return await Promise.race([verifyInner(input, options), timeout]);
  } catch (error) {
    return unreadableReport(error);
  } finally {
    clearTimeout(timer);
  }
}

/** A report that stops at the parse step. */
function parseFailure(reason: Reason, details: Record<string, unknown>): VerificationReport {
  return finish({
    format: "unknown",
    source: "unknown",
    summary: {},
    steps: [{ id: "parse", status: "failed", reason, details }],
  });
}

/** The time budget ran out (the engine's own clock, or the pool's). */
export const timedOutReport = () =>
  parseFailure(r("La vérification a pris trop de temps.", "Verification took too long."), {
    code: "TIMEOUT",
  });

/** The engine failed on this input (a bug of ours, or a worker that died on it). */
export const unreadableReport = (error: unknown) =>
  parseFailure(
    r(
      "Ce document n'a pas pu être lu comme un badge.",
      "This document could not be read as a badge.",
    ),
    { code: "INTERNAL", error: error instanceof Error ? error.message : String(error) },
  );

async function verifyInner(input: unknown, options: VerifyOptions): Promise<VerificationReport> {
  const fetcher = options.fetcher ?? createSafeFetcher();
  // One loader per verification: its cache spans the credential and its status list.
  const context: Context = {
    fetcher,
    documentLoader: options.documentLoader ?? verifierDocumentLoader(fetcher),
    now: options.now ?? new Date(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.recipient ? { recipient: options.recipient } : {}),
  };
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let parsed = parseInput(input, maxBytes, context.limits);
  let source: VerificationReport["source"] =
    parsed.kind === "error" ? parsed.source : parsed.kind === "url" ? "url" : parsed.source;
  if (parsed.kind === "url") {
    const fetched = await fetcher(parsed.value, {
      accept: "application/ld+json, application/json, application/jwt, image/png, image/svg+xml",
    });
    // A revoked OB 2.0 assertion may answer 410 Gone, saying so: that answer is what is verified.
    const gone = !fetched.ok && fetched.status === 410 ? parseJson(fetched.text ?? "") : null;
    if (gone && (gone.revoked === true || isOb2Document(gone)))
      parsed = { kind: "json", value: goneAssertion(parsed.value, fetched.text), source: "url" };
    else if (!fetched.ok)
      return finish({
        format: "unknown",
        source: "url",
        summary: {},
        steps: [
          {
            id: "parse",
            status: "failed",
            reason: r(
              `Impossible de récupérer ${parsed.value} (${fetched.message}).`,
              `Could not fetch ${parsed.value} (${fetched.message}).`,
            ),
            details: { code: fetched.code },
          },
        ],
      });
    else {
      const body = parseInput(fetched.body, maxBytes, context.limits);
      parsed =
        body.kind === "url"
          ? {
              kind: "error",
              source: "unknown",
              fr: "L'adresse renvoie vers une autre adresse.",
              en: "The address points to another address.",
            }
          : body;
    }
    source = "url";
  }
  if (parsed.kind === "error")
    return finish({
      format: "unknown",
      source,
      summary: {},
      steps: [
        {
          id: "parse",
          status: "failed",
          reason: r(parsed.fr, parsed.en),
          details: parsed.breach ? { ...parsed.breach } : { code: "PARSE" },
        },
      ],
    });
  const parseStep: Step = {
    id: "parse",
    status: "passed",
    reason: r("Le document a été lu.", "The document was read."),
  };
  if (parsed.kind === "jwt") {
    const outcome = await verifyJwt(parsed.value, source, parseStep, context);
    return "ob2" in outcome
      ? verifyOb2Signed(parsed.value, outcome.ob2, source, parseStep, context)
      : outcome;
  }
  const doc = parsed.value;
  if (isOb2Document(doc))
    return typesOf(doc).includes("Assertion")
      ? verifyOb2Hosted(doc, source, parseStep, context)
      : verifyOb2Document(doc, source, parseStep, context);
  return verifyOb3(doc, source, parseStep, context);
}
