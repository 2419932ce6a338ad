import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bakePng } from "../src/bake/png";
import { bakeSvg } from "../src/bake/svg";
import { createMapFetcher, type Fetcher } from "../src/fetch";
import { buildDidDocument, generateIssuerKey, type IssuerKey } from "../src/keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "../src/ob3";
import { badgeImageSvg, renderSvgToPng } from "../src/render";
import { signCredential } from "../src/sign";
import {
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  statusEntry,
} from "../src/status-list";
import { type VerificationReport, type VerifyInput, verifyCredential } from "../src/verify";

/**
 * Properties of the verifier: whatever it is handed, it answers a report
 * (never throws, never hangs), and no change to a signed credential survives.
 */

const ISSUER = "did:web:badges.region.example:issuers:props";
const DID_URL = "https://badges.region.example/issuers/props/did.json";
const LIST_URL = "https://badges.region.example/status/props";
const now = new Date("2026-11-22T12:00:00Z");

let key: IssuerKey;
let signed: Record<string, unknown>;
let fetcher: Fetcher;
let png: Uint8Array;

/** Each call must settle well within this, or the property fails as a hang. */
const PER_CALL_MS = 10_000;
async function verifyBounded(input: unknown): Promise<VerificationReport> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("verifyCredential hung")), PER_CALL_MS);
  });
  try {
    return await Promise.race([
      verifyCredential(input as VerifyInput, { fetcher, now, timeoutMs: PER_CALL_MS - 2000 }),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  key = await generateIssuerKey({ controller: ISSUER });
  const credential = buildOpenBadgeCredential({
    issuer: { id: ISSUER, name: "Région Normandie", url: "https://region.example" },
    achievement: {
      id: "https://badges.region.example/badges/accueil",
      name: "Accueil des apprentis",
      description: "Le CFA accueille et accompagne ses apprentis.",
      criteria: { narrative: "Un accueil organisé et évalué." },
      alignment: [
        { targetName: "Référentiel qualité", targetUrl: "https://region.example/qualite" },
      ],
    },
    subject: { identifier: [hashedIdentifier("emailAddress", "a@cfa.example", "sel")] },
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validUntil: new Date("2030-01-01T00:00:00Z"),
    evidence: [{ id: "https://cfa.example/preuves/1", name: "Livret d'accueil" }],
    credentialStatus: statusEntry({ listUrl: LIST_URL, index: 3, purpose: "revocation" }),
  });
  signed = await signCredential(credential, { key, date: now });
  const list = await signCredential(
    buildStatusListCredential({
      id: LIST_URL,
      issuer: ISSUER,
      purpose: "revocation",
      encodedList: encodeBitstring(createBitstring()),
      validFrom: now,
    }),
    { key, date: now },
  );
  fetcher = createMapFetcher({
    [DID_URL]: buildDidDocument({ did: ISSUER, keys: [key] }),
    [LIST_URL]: list,
  });
  png = renderSvgToPng(badgeImageSvg({ title: "P" }), { width: 40 });
});

type Path = (string | number)[];
/** Every node of a JSON value (leaves, objects and arrays), with its path. */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = [{ path, value }];
  if (value && typeof value === "object")
    return here.concat(
      Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        nodes(v, [...path, Array.isArray(value) ? Number(k) : k]),
      ),
    );
  return here;
}
function edit(root: unknown, path: Path, change: (parent: unknown, last: string | number) => void) {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: unknown = copy;
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[part];
  const last = path.at(-1);
  if (last !== undefined) change(node, last);
  return copy;
}
const isEmptyContainer = (v: unknown) =>
  (Array.isArray(v) && v.length === 0) ||
  (!!v && typeof v === "object" && Object.keys(v).length === 0);
/** A value that cannot be JSON-LD-equivalent to the original: fresh text, numbers, booleans, null, objects. */
const replacement = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

describe("a tampered credential never verifies", () => {
  it("the untouched credential verifies (the baseline)", async () => {
    const report = await verifyBounded(signed);
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it("replacing any leaf, anywhere (proof and status included)", async () => {
    const leaves = nodes(signed).filter(
      (n) => n.path.length > 0 && (n.value === null || typeof n.value !== "object"),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), replacement, async (leaf, next) => {
        fc.pre(next !== leaf.value);
        const tampered = edit(signed, leaf.path, (parent, last) => {
          (parent as Record<string | number, unknown>)[last] = next;
        });
        expect((await verifyBounded(tampered)).verified).toBe(false);
      }),
      { numRuns: 120 },
    );
  });

  it("removing any field", async () => {
    const fields = nodes(signed).filter(
      (n) =>
        typeof n.path.at(-1) === "string" &&
        // An empty list or object states nothing in JSON-LD: removing it changes nothing.
        !isEmptyContainer(n.value),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), async (field) => {
        const tampered = edit(signed, field.path, (parent, last) => {
          delete (parent as Record<string | number, unknown>)[last];
        });
        expect((await verifyBounded(tampered)).verified).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it("adding a field to any object", async () => {
    const objects = nodes(signed).filter(
      (n) => !!n.value && typeof n.value === "object" && !Array.isArray(n.value),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...objects),
        fc.stringMatching(/^[a-z][a-zA-Z]{2,10}$/),
        fc.string({ minLength: 1, maxLength: 10 }),
        async (target, name, value) => {
          fc.pre(!(name in (target.value as object)));
          const tampered =
            target.path.length === 0
              ? { ...signed, [name]: value }
              : edit(signed, target.path, (parent, last) => {
                  const node = (parent as Record<string | number, Record<string, unknown>>)[last];
                  if (node) node[name] = value;
                });
          expect((await verifyBounded(tampered)).verified).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("removing, replacing or appending an element of any array", async () => {
    const arrays = nodes(signed).filter((n) => Array.isArray(n.value) && n.value.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...arrays),
        fc.nat(),
        fc.constantFrom("remove", "replace", "append"),
        fc.string({ minLength: 1, maxLength: 10 }).map((s) => `x-${s}`),
        async (target, at, action, fresh) => {
          const list = target.value as unknown[];
          const index = at % list.length;
          const change = (array: unknown[]) => {
            if (action === "remove") array.splice(index, 1);
            else if (action === "replace") array[index] = fresh;
            else array.push(fresh);
          };
          const tampered =
            target.path.length === 0
              ? signed
              : edit(signed, target.path, (parent, last) => {
                  change((parent as Record<string | number, unknown[]>)[last] ?? []);
                });
          expect((await verifyBounded(tampered)).verified).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("the same holds for the credential baked in PNG and SVG", async () => {
    const json = JSON.stringify(signed);
    const svg = badgeImageSvg({ title: "P" });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: json.length - 1 }), async (at) => {
        const char = json[at] === "a" ? "b" : "a";
        const altered = `${json.slice(0, at)}${char}${json.slice(at + 1)}`;
        for (const input of [
          bakePng(png, altered, { version: "3.0" }),
          bakeSvg(svg, altered, { version: "3.0" }),
        ]) {
          const report = await verifyBounded(input);
          // A changed character may be insignificant whitespace-free JSON syntax only if it does not parse.
          expect(report.verified).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("garbage gets a report, never an exception or a hang", () => {
  const json = () => JSON.stringify(signed);
  const inputs = () =>
    fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...b])),
      fc.jsonValue({ maxDepth: 4 }),
      fc.json({ maxDepth: 4 }),
      fc.nat().map((cut) => json().slice(0, cut % json().length)),
      // A PNG cut anywhere before its badge chunk ends (after it, the badge is intact).
      fc.nat().map((cut) => {
        const baked = bakePng(png, json(), { version: "3.0" });
        return baked.subarray(0, cut % (baked.length - png.length + 8));
      }),
      fc
        .tuple(fc.string({ maxLength: 200 }), fc.constantFrom("3.0" as const, "2.0" as const))
        .map(([text, version]) => bakePng(png, text, { version })),
      fc
        .string({ maxLength: 200 })
        .map(
          (s) =>
            `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${s}]]></openbadges:credential></svg>`,
        ),
      fc
        .tuple(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), fc.string())
        .map(
          ([h, p, sig]) =>
            `${Buffer.from(h).toString("base64url")}.${Buffer.from(p).toString("base64url")}.${Buffer.from(sig).toString("base64url")}`,
        ),
      fc
        .jsonValue({ maxDepth: 3 })
        .map(
          (payload) =>
            `eyJhbGciOiJFZERTQSJ9.${Buffer.from(JSON.stringify({ vc: payload, iss: ISSUER })).toString("base64url")}.c2ln`,
        ),
      fc.integer({ min: 60, max: 5000 }).map((d) => `${"[".repeat(d)}${"]".repeat(d)}`),
      fc.integer({ min: 60, max: 5000 }).map((d) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`),
    );

  it("for strings, bytes, JSON, PNG, SVG and JWT", async () => {
    await fc.assert(
      fc.asyncProperty(inputs(), async (input) => {
        const report = await verifyBounded(input);
        expect(typeof report.verified).toBe("boolean");
        expect(report.steps.length).toBeGreaterThan(0);
        for (const step of report.steps) {
          expect(step.reason.fr.length).toBeGreaterThan(0);
          expect(step.reason.en.length).toBeGreaterThan(0);
        }
        expect(report.verified).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("an input past the size cap is refused before parsing", async () => {
    const report = await verifyCredential(`{"a":"${"x".repeat(2000)}"}`, { maxBytes: 1000 });
    expect(report.verified).toBe(false);
    expect(report.steps[0]).toMatchObject({ id: "parse", status: "failed" });
  });
});
