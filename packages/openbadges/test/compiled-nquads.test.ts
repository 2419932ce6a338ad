import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import jsonld from "jsonld";
import * as rdfCanonize from "rdf-canonize";
import { describe, expect, it } from "vitest";
import { compiledDataset } from "../src/compiled-nquads";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { signCredential } from "../src/sign";
import { fixtureJson, fixturesDir, itWithFixtures } from "./fixtures";
import { credentialOfEveryShape, mutated, proofOptions } from "./support/credential-shapes";

/** jsonld's own canonicalisation, untouched: the compiled path must equal it byte for byte. */
async function reference(document: unknown): Promise<string | Error> {
  try {
    return await jsonld.canonize(structuredClone(document), {
      algorithm: "RDFC-1.0",
      format: "application/n-quads",
      documentLoader: defaultDocumentLoader,
      safe: true,
      rdfDirection: "i18n-datatype",
    });
  } catch (error) {
    return error as Error;
  }
}

/**
 * Whether the document took the compiled path; when it did, its N-Quads are
 * jsonld's, byte for byte (and jsonld accepted the document too).
 */
async function compiledAsJsonld(document: unknown): Promise<boolean> {
  const quads = await compiledDataset(document);
  if (!quads) return false;
  const expected = await reference(document);
  const got = await rdfCanonize
    .canonize(quads, { algorithm: "RDFC-1.0" })
    .catch((error: Error) => error);
  if (expected instanceof Error) {
    // jsonld may refuse only where canonicalisation itself does (a graph too
    // symmetric for the work bound, e.g. a palindromic list): the same refusal.
    expect(got).toBeInstanceOf(Error);
    expect((got as Error).message).toBe(expected.message);
  } else expect(got).toBe(expected);
  return true;
}

describe("the compiled JSON-LD path gives jsonld's N-Quads, byte for byte", () => {
  // First: the contexts are not compiled yet in this file's process.
  it("on documents canonicalised at once, contexts being compiled while others wait", async () => {
    const documents = fc.sample(
      fc.oneof(
        credentialOfEveryShape.map((s) => s.document),
        proofOptions,
      ),
      {
        numRuns: 40,
        seed: 17,
      },
    );
    const results = await Promise.all(documents.map((d) => compiledAsJsonld(d)));
    expect(results.every(Boolean)).toBe(true);
  });

  it("on property-generated credentials of every shape Blason issues and reads", async () => {
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(credentialOfEveryShape, async ({ kind, document }) => {
        // Every shape Blason issues has only known terms: all take the compiled path.
        expect(await compiledAsJsonld(document)).toBe(true);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );
    expect([...kinds.keys()].sort()).toEqual(
      [
        "badge",
        "endorsement",
        "label",
        "regional",
        "result",
        "status-list",
        "vc1-badge",
        "vc2-plain",
      ].sort(),
    );
  });

  it("on proof options documents, every suite and context Blason signs or checks with", async () => {
    await fc.assert(
      fc.asyncProperty(proofOptions, async (document) => {
        expect(await compiledAsJsonld(document)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("on signed credentials, their proofs (a @graph container) included", async () => {
    const key = await generateIssuerKey({ controller: "did:web:badges.example" });
    await fc.assert(
      fc.asyncProperty(credentialOfEveryShape, async ({ document }) => {
        const signed = await signCredential(document, { key }).catch((error: Error) => error);
        if (signed instanceof Error) {
          // Only what jsonld's canonicalisation refuses too (the work bound).
          const expected = await reference(document);
          expect(expected).toBeInstanceOf(Error);
          expect(signed.message).toBe((expected as Error).message);
          return;
        }
        expect(await compiledAsJsonld(signed)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("on documents with unknown or unhandled parts: compiled or not, the same as jsonld", async () => {
    let fellBack = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (document) => {
        if (!(await compiledAsJsonld(document))) fellBack++;
      }),
      { numRuns: 300 },
    );
    // The mutations do reach the fallback, not only the compiled path.
    expect(fellBack).toBeGreaterThan(30);
  });

  itWithFixtures("on every OB 3.0 document of 1EdTech's validator", async () => {
    const dir = path.join(fixturesDir, "validator/ob30");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(10);
    let compiled = 0;
    for (const file of files) {
      const document = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      if (await compiledAsJsonld(document)) compiled++;
      // Without its proof, as the cryptosuites canonicalise it.
      const { proof: _proof, ...unsigned } = document;
      await compiledAsJsonld(unsigned);
    }
    expect(compiled).toBeGreaterThan(files.length / 2);
  });

  itWithFixtures(
    "on 1EdTech's eddsa-rdfc-2022 test vector, credential and proof options",
    async () => {
      const vector = fixtureJson<{ credential: Record<string, unknown>; proofCreated: string }>(
        "spec/test-vectors/obv3p0-eddsa-rdfc-2022.json",
      );
      expect(await compiledAsJsonld(vector.credential)).toBe(true);
      const quads = (await compiledDataset(vector.credential)) ?? [];
      expect(await rdfCanonize.canonize(quads, { algorithm: "RDFC-1.0" })).toBe(
        fs.readFileSync(path.join(fixturesDir, "spec/test-vectors/document-canon.txt"), "utf8"),
      );
    },
  );
});
