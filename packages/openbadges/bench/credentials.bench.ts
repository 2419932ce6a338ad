/**
 * Sign, verify, bake and unbake per second: Blason, the plain reference
 * stack (@digitalbazaar/vc with the same cryptosuite, a key object built per
 * call as a straightforward integration does), and raw Ed25519 from
 * node:crypto as the floor. Each figure is measured for a fixed time in one
 * run; compare them as ratios. BENCH_SECONDS sets the time per figure
 * (default 2). Also printed: the share of canonicalisations that took the
 * compiled JSON-LD path rather than jsonld's general algorithm.
 */
import { sign as edSign, verify as edVerify, generateKeyPairSync } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { bakePng, unbakePng } from "../src/bake/png";
import { compiledPathCounts, resetCompiledPathCounts } from "../src/compiled-nquads";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { buildOpenBadgeCredential } from "../src/ob3";
import { badgeImageSvg, renderSvgToPng } from "../src/render";
import { signCredential, verifyDataIntegrity } from "../src/sign";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

async function rate(label: string, fn: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  let count = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) {
    await fn();
    count++;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(10)} /s`);
  return perSecond;
}

const key = await generateIssuerKey({ controller: "did:key:pending" });
const did = `did:key:${key.publicKeyMultibase}`;
const issuerKey = { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` };
const credential = buildOpenBadgeCredential({
  issuer: { id: did, name: "Région Normandie" },
  achievement: {
    id: "https://badges.example/badges/veille",
    name: "Veille",
    description: "Le CFA organise une veille sur les pratiques et les métiers.",
    criteria: { narrative: "Une veille organisée, partagée et utilisée." },
  },
  subject: { id: "did:example:cfa" },
  validFrom: new Date("2026-01-01T00:00:00Z"),
});
const signed = await signCredential(credential, { key: issuerKey });
const json = JSON.stringify(signed);
const png = renderSvgToPng(badgeImageSvg({ title: "Veille", subtitle: "2026" }), { width: 400 });
const baked = bakePng(png, json, { version: "3.0" });

console.log(
  `Blason credential benchmark (${SECONDS} s per figure, best of 3 interleaved rounds, Node ${process.version})\n`,
);
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const message = Buffer.alloc(64, 7);
const signature = edSign(null, message, privateKey);
const operations: Record<string, [string, () => Promise<unknown> | unknown]> = {
  sign_per_s: ["Blason sign", () => signCredential(credential, { key: issuerKey })],
  reference_sign_per_s: [
    "reference sign (@digitalbazaar/vc)",
    async () => {
      const pair = await Ed25519Multikey.from({
        ...issuerKey,
        type: "Multikey",
        "@context": "https://w3id.org/security/multikey/v1",
      });
      const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite });
      return vc.issue({
        credential: structuredClone(credential),
        suite,
        documentLoader: defaultDocumentLoader,
      });
    },
  ],
  verify_per_s: [
    "Blason verify (proof)",
    () => verifyDataIntegrity(signed, { documentLoader: defaultDocumentLoader }),
  ],
  reference_verify_per_s: [
    "reference verify (@digitalbazaar/vc)",
    () =>
      vc.verifyCredential({
        credential: signed,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: defaultDocumentLoader,
      }),
  ],
  bake_per_s: ["Blason bake PNG", () => bakePng(png, json, { version: "3.0" })],
  unbake_per_s: ["Blason unbake PNG", () => unbakePng(baked)],
  // The floor, in every round too: Ed25519 alone on a 64-byte message.
  floor_sign_per_s: ["floor Ed25519 sign (node:crypto)", () => edSign(null, message, privateKey)],
  floor_verify_per_s: [
    "floor Ed25519 verify (node:crypto)",
    () => edVerify(null, message, publicKey, signature),
  ],
};
// Warm every path first (JIT, JSON-LD context caches), so that order does not decide.
for (const [, fn] of Object.values(operations)) for (let i = 0; i < 50; i++) await fn();
resetCompiledPathCounts();
const best: Record<string, number> = {};
const signRatios: number[] = [];
const verifyRatios: number[] = [];
for (let round = 1; round <= 3; round++) {
  console.log(`round ${round}`);
  const now: Record<string, number> = {};
  for (const [key, [label, fn]] of Object.entries(operations)) {
    now[key] = await rate(`  ${label}`, fn);
    best[key] = Math.max(best[key] ?? 0, now[key]);
  }
  // Each round's own ratios: both sides measured seconds apart, under the same load.
  signRatios.push(now.sign_per_s! / now.reference_sign_per_s!);
  verifyRatios.push(now.verify_per_s! / now.reference_verify_per_s!);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const results = {
  sign_per_s: best.sign_per_s!,
  verify_per_s: best.verify_per_s!,
  bake_per_s: best.bake_per_s!,
  unbake_per_s: best.unbake_per_s!,
  reference_sign_per_s: best.reference_sign_per_s!,
  reference_verify_per_s: best.reference_verify_per_s!,
  floor_sign_per_s: best.floor_sign_per_s!,
  floor_verify_per_s: best.floor_verify_per_s!,
};

const paths = compiledPathCounts();
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const share = (n: number) =>
  `${((100 * n) / Math.max(1, paths.compiled + paths.fallback)).toFixed(1)}%`;
console.log(
  `\nBlason canonicalisations: ${paths.compiled} compiled path (${share(paths.compiled)}), ${paths.fallback} jsonld fallback (${share(paths.fallback)})${paths.fallback ? ` ${JSON.stringify(paths.reasons)}` : ""}`,
);
console.log(
  `Blason / floor (Ed25519 alone): sign ${((100 * results.sign_per_s) / results.floor_sign_per_s).toFixed(1)}%, verify ${((100 * results.verify_per_s) / results.floor_verify_per_s).toFixed(1)}%`,
);
console.log(
  `\nBlason / reference: sign ${ratio(results.sign_per_s, results.reference_sign_per_s)}x, verify ${ratio(results.verify_per_s, results.reference_verify_per_s)}x`,
);
const rounds = (values: number[]) => values.map((v) => `${v.toFixed(2)}x`).join(", ");
console.log(
  `Blason / reference, round by round: sign ${rounds(signRatios)} (median ${median(signRatios).toFixed(2)}x), verify ${rounds(verifyRatios)} (median ${median(verifyRatios).toFixed(2)}x)`,
);
console.log(
  JSON.stringify({
    ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    sign_ratio_median: Math.round(median(signRatios) * 100) / 100,
    verify_ratio_median: Math.round(median(verifyRatios) * 100) / 100,
    compiled_path_share:
      Math.round((1000 * paths.compiled) / Math.max(1, paths.compiled + paths.fallback)) / 1000,
  }),
);
