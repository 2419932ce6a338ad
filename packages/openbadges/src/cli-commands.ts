import fs from "node:fs";
import path from "node:path";
import { bakePng } from "./bake/png";
import { bakeSvg } from "./bake/svg";
import { didKeyDocument } from "./contexts/did-key";
import { createSafeFetcher, type Fetcher } from "./fetch";
import { generateIssuerKey } from "./keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "./ob3";
import { badgeImageSvg, renderSvgToPng } from "./render";
import { signCredential } from "./sign";
import { type VerificationReport, type VerifyInput, verifyCredential } from "./verify";
import { MAX_INPUT_BYTES } from "./verify/input";

/**
 * Writes a freshly signed sample: credential.json, credential.png and
 * credential.svg (baked), and the issuer's did.json. The issuer is a did:key,
 * so the sample verifies offline.
 */
export async function runSampleCommand(options: {
  outDir: string;
  now?: Date;
}): Promise<{ files: string[]; issuer: string }> {
  const key = await generateIssuerKey({ controller: "did:key:pending" });
  const did = `did:key:${key.publicKeyMultibase}`;
  const issuerKey = { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` };
  const now = options.now ?? new Date();
  const svg = badgeImageSvg({
    title: "Compétences numériques",
    subtitle: "Label CFA 2026",
    required: true,
  });
  const credential = buildOpenBadgeCredential({
    issuer: { id: did, name: "Région Normandie (exemple)" },
    achievement: {
      id: "urn:uuid:5a1d3a0e-2f6b-4f3a-9d55-0c2a4a6f7b01",
      name: "Compétences numériques",
      description:
        "Le CFA forme, évalue et reconnaît les compétences numériques de ses apprentis et de ses équipes.",
      criteria: {
        narrative:
          "Un dispositif de formation, d'évaluation et de reconnaissance des compétences numériques, avec ses preuves.",
      },
    },
    subject: {
      identifier: [hashedIdentifier("identifier", "SIRET:73282932000074", "sel-exemple")],
    },
    validFrom: now,
    validUntil: new Date(now.getTime() + 4 * 365 * 86_400_000),
  });
  const signed = await signCredential(credential, { key: issuerKey, date: now });
  const json = JSON.stringify(signed, null, 2);
  fs.mkdirSync(options.outDir, { recursive: true });
  const files = {
    "credential.json": json,
    "credential.png": bakePng(renderSvgToPng(svg, { width: 400 }), json, { version: "3.0" }),
    "credential.svg": bakeSvg(svg, json, { version: "3.0" }),
    "did.json": JSON.stringify(didKeyDocument(did), null, 2),
  };
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(options.outDir, name), content);
  return { files: Object.keys(files).map((f) => path.join(options.outDir, f)), issuer: did };
}

const mark = { passed: "✓", failed: "✗", warning: "!", not_applicable: "–" } as const;

/** The report as text, French then English on each line, with ✓ ✗ ! – per step. */
export function formatReport(report: VerificationReport): string {
  const { summary } = report;
  const facts = [
    summary.name ? `  ${summary.name}` : undefined,
    summary.issuerName || summary.issuerId
      ? `  Émetteur / Issuer: ${[summary.issuerName, summary.issuerId].filter(Boolean).join(" — ")}`
      : undefined,
    summary.validFrom || summary.validUntil
      ? `  Validité / Validity: ${summary.validFrom ?? "?"} → ${summary.validUntil ?? "∞"}`
      : undefined,
  ].filter((line): line is string => !!line);
  const lines = [
    report.verified
      ? "✓ Badge vérifié / Badge verified"
      : "✗ Badge NON vérifié / Badge NOT verified",
    ...facts,
    `  format: ${report.format}, source: ${report.source}`,
    "",
    ...report.steps.map(
      (s) =>
        `${mark[s.status]} ${s.id.padEnd(16)} ${s.reason.fr}\n  ${"".padEnd(16)} ${s.reason.en}`,
    ),
  ];
  return lines.join("\n");
}

/** Reads at most `limit` bytes: a larger file is then refused by the verifier's own size cap. */
function readCapped(file: string, limit: number): Uint8Array {
  const handle = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(limit);
    const length = fs.readSync(handle, buffer, 0, limit, 0);
    return new Uint8Array(buffer.subarray(0, length));
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * A host as the safe fetcher names it (`localhost`, `127.0.0.1`, `::1`, a
 * port allowed and dropped), or undefined for anything else (a URL, a path).
 */
export function privateHostName(value: string): string | undefined {
  if (!/^[A-Za-z0-9.\-[\]:]+$/.test(value)) return undefined;
  try {
    return new URL(`http://${value}`).hostname.replace(/^\[|\]$/g, "") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a file (JSON, JWT, PNG, SVG) or a URL. Exit code 0 when verified,
 * 1 when not, 2 when the file cannot be read. Output: the JSON report, or a
 * French and English text report. `allowPrivateHosts`: hosts the fetcher may
 * reach on loopback or private addresses (local testing).
 */
export async function runVerifyCommand(options: {
  target: string;
  json?: boolean;
  fetcher?: Fetcher;
  now?: Date;
  allowPrivateHosts?: readonly string[];
}): Promise<{ exitCode: number; output: string; report?: VerificationReport }> {
  const fetcher =
    options.fetcher ??
    createSafeFetcher(
      options.allowPrivateHosts?.length ? { allowPrivateHosts: options.allowPrivateHosts } : {},
    );
  let input: VerifyInput;
  if (/^https?:\/\//i.test(options.target)) input = options.target;
  else {
    try {
      const bytes = readCapped(options.target, MAX_INPUT_BYTES + 1);
      input = bytes[0] === 0x89 ? bytes : new TextDecoder().decode(bytes);
    } catch {
      return {
        exitCode: 2,
        output: `Fichier illisible ou introuvable / file not found or unreadable: ${options.target}`,
      };
    }
  }
  const report = await verifyCredential(input, {
    fetcher,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    exitCode: report.verified ? 0 : 1,
    output: options.json ? JSON.stringify(report, null, 2) : formatReport(report),
    report,
  };
}
