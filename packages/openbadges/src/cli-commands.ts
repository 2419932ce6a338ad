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
import { type VerificationReport, verifyCredential } from "./verify";

/**
 * Writes a freshly signed sample: credential.json, credential.png and
 * credential.svg (baked), and the issuer's did.json. The issuer is a did:key,
 * so the sample verifies offline.
 */
export async function runSampleCommand(options: { outDir: string; now?: Date }) {
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

export function formatReport(report: VerificationReport): string {
  const lines = [
    report.verified
      ? "✓ Badge vérifié / Badge verified"
      : "✗ Badge NON vérifié / Badge NOT verified",
    ...(report.summary.name
      ? [
          `  ${report.summary.name}${report.summary.issuerName ? ` — ${report.summary.issuerName}` : ""}`,
        ]
      : []),
    `  format: ${report.format}, source: ${report.source}`,
    "",
    ...report.steps.map(
      (s) =>
        `${mark[s.status]} ${s.id.padEnd(16)} ${s.reason.fr}\n  ${"".padEnd(16)} ${s.reason.en}`,
    ),
  ];
  return lines.join("\n");
}

/** Verifies a file (JSON, JWT, PNG, SVG) or a URL; exit code 0 when verified. */
export async function runVerifyCommand(options: {
  target: string;
  json?: boolean;
  fetcher?: Fetcher;
}) {
  const fetcher = options.fetcher ?? createSafeFetcher();
  let input: unknown;
  if (/^https?:\/\//.test(options.target)) input = options.target;
  else if (fs.existsSync(options.target)) {
    const bytes = fs.readFileSync(options.target);
    input = bytes[0] === 0x89 ? new Uint8Array(bytes) : bytes.toString("utf8");
  } else {
    return { exitCode: 2, output: `Fichier introuvable / file not found: ${options.target}` };
  }
  const report = await verifyCredential(input, { fetcher });
  return {
    exitCode: report.verified ? 0 : 1,
    output: options.json ? JSON.stringify(report, null, 2) : formatReport(report),
  };
}
