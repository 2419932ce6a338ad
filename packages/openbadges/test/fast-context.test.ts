import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "../src/ob3";
import { canonicalize, signCredential } from "../src/sign";
import { fixturesDir, itWithFixtures } from "./fixtures";

/** jsonld's own canonicalisation, untouched: what ours must equal byte for byte. */
async function reference(document: unknown): Promise<string | Error> {
  try {
    return await jsonld.canonize(document, {
      algorithm: "RDFC-1.0",
      format: "application/n-quads",
      documentLoader: defaultDocumentLoader,
      safe: true,
    });
  } catch (error) {
    return error as Error;
  }
}
async function ours(document: unknown): Promise<string | Error> {
  try {
    return await canonicalize(document);
  } catch (error) {
    return error as Error;
  }
}
/** Compares both; says whether there was N-Quads to compare (rather than two refusals). */
const same = async (document: unknown): Promise<boolean> => {
  const [a, b] = [await reference(document), await ours(document)];
  if (a instanceof Error || b instanceof Error) {
    // Both refuse the same documents (an undefined term, a bad context).
    expect(b instanceof Error).toBe(a instanceof Error);
    return false;
  }
  expect(b).toBe(a);
  expect(a).toContain("https://purl.imsglobal.org/spec/vc/ob/vocab.html#");
  return true;
};

const text = fc.string({ minLength: 1, maxLength: 40 });
const iri = fc.webUrl({ withFragments: true, withQueryParameters: true });

/** Credentials as Blason and partners build them, with everything optional varied. */
const credential = fc.record({
  name: text,
  description: text,
  narrative: text,
  issuerName: text,
  email: fc.emailAddress(),
  achievementId: iri,
  evidence: fc.array(fc.record({ id: iri, name: text, narrative: text }), { maxLength: 3 }),
  alignment: fc.array(fc.record({ targetName: text, targetUrl: iri, targetCode: text }), {
    maxLength: 2,
  }),
  validFrom: fc.date({
    min: new Date("2000-01-01"),
    max: new Date("2099-01-01"),
    noInvalidDate: true,
  }),
});

describe("our canonicalisation path is jsonld's, byte for byte", () => {
  it("on credentials of every shape Blason issues (property)", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(credential, async (c) => {
        const document = buildOpenBadgeCredential({
          id: "urn:uuid:7f0b3c9e-1c0e-4d3c-9a51-2b9f8e0d6a11",
          issuer: { id: "did:web:badges.example", name: c.issuerName },
          achievement: {
            id: c.achievementId,
            name: c.name,
            description: c.description,
            criteria: { narrative: c.narrative },
            ...(c.alignment.length ? { alignment: c.alignment } : {}),
          },
          subject: { identifier: [hashedIdentifier("emailAddress", c.email, "sel")] },
          validFrom: c.validFrom,
          ...(c.evidence.length ? { evidence: c.evidence } : {}),
        });
        if (await same(document)) compared++;
      }),
      { numRuns: 60 },
    );
    // Not two refusals each time: real N-Quads were compared.
    expect(compared).toBe(60);
  });

  it("on signed credentials, their proofs included, interleaved with jsonld's own calls", async () => {
    const key = await generateIssuerKey({ controller: "did:web:badges.example" });
    const signed = await signCredential(
      buildOpenBadgeCredential({
        id: "urn:uuid:0a4c3e1b-52f0-4f3e-a3d1-8f0b7c6e5d21",
        issuer: { id: "did:web:badges.example", name: "Région Normandie" },
        achievement: {
          id: "https://badges.example/badges/1",
          name: "Accueil et intégration",
          description: "Un badge.",
          criteria: { narrative: "1. Un critère." },
        },
        subject: { identifier: [hashedIdentifier("emailAddress", "a@b.fr", "sel")] },
        validFrom: new Date("2026-11-24T10:00:00Z"),
      }),
      { key },
    );
    for (let i = 0; i < 3; i++) expect(await same(signed)).toBe(true);
  });

  itWithFixtures("on every OB 3.0 document of 1EdTech's validator", async () => {
    const dir = path.join(fixturesDir, "validator/ob30");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(10);
    let compared = 0;
    for (const file of files) {
      const document = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      if (await same(document)) compared++;
    }
    expect(compared).toBeGreaterThan(files.length / 2);
  });
});
