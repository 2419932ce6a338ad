import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMapFetcher, type Fetcher } from "../src/fetch";
import { buildDidDocument, generateIssuerKey, type IssuerKey } from "../src/keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "../src/ob3";
import {
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  setStatus,
  statusEntry,
} from "../src/status-list";
import { verifyCredential } from "../src/verify";
import {
  type CredentialWorkers,
  createCredentialWorkers,
  WorkersBusyError,
} from "../src/workers/pool";
import { didKeyIssuer, madeUpProof } from "./hostile";

const ISSUER = "did:web:badges.region.example:issuers:region";
const DID_URL = "https://badges.region.example/issuers/region/did.json";
const LIST_URL = "https://badges.region.example/status/1";
const now = new Date("2026-11-22T12:00:00Z");

let key: IssuerKey;
let workers: CredentialWorkers;
let unsigned: Record<string, unknown>;
let documents: Record<string, object>;

/** A credential under every cap that still costs the engine most of a second. */
function costly(): Record<string, unknown> {
  const c = structuredClone(unsigned) as Record<string, unknown> & {
    credentialSubject: { achievement: Record<string, unknown> };
  };
  // A did:key issuer: its key is computed, not fetched, so the proof is checked.
  const { did } = didKeyIssuer(key);
  c.issuer = { id: did, type: ["Profile"], name: "Quelqu'un" };
  delete c.credentialStatus;
  c.credentialSubject.achievement.alignment = Array.from({ length: 900 }, (_, i) => ({
    type: ["Alignment"],
    targetName: `n${i}`,
    targetUrl: `https://x.example/${i}`,
    targetCode: `c${i}`,
  }));
  // A language-tagged value keeps it off the compiled path (jsonld's general
  // algorithm runs, where 900 values of one property cost n² comparisons).
  c.credentialSubject.achievement.tag = [
    ...Array.from({ length: 900 }, (_, i) => `t${i}`),
    { "@value": "étiquette", "@language": "fr" },
  ];
  c.proof = madeUpProof(key);
  return c;
}

beforeAll(async () => {
  key = await generateIssuerKey({ controller: ISSUER });
  workers = createCredentialWorkers({ threads: 1 });
  unsigned = buildOpenBadgeCredential({
    issuer: { id: ISSUER, name: "Région Normandie" },
    achievement: {
      id: "https://badges.region.example/badges/veille",
      name: "Veille",
      description: "Le CFA organise une veille.",
      criteria: { narrative: "Une veille organisée." },
    },
    subject: { identifier: [hashedIdentifier("emailAddress", "contact@cfa.example", "salt")] },
    validFrom: new Date("2026-01-01T00:00:00Z"),
    credentialStatus: statusEntry({ listUrl: LIST_URL, index: 3, purpose: "revocation" }),
  });
  const bits = createBitstring();
  setStatus(bits, 9, true);
  documents = {
    [DID_URL]: buildDidDocument({ did: ISSUER, keys: [key] }),
    [LIST_URL]: await workers.sign(
      buildStatusListCredential({
        id: LIST_URL,
        issuer: ISSUER,
        purpose: "revocation",
        encodedList: encodeBitstring(bits),
        validFrom: now,
      }),
      { key, date: now },
    ),
  };
});

afterAll(() => workers.close());

describe("credential workers", () => {
  it("sign in a thread, and verify in a thread with the caller's fetcher: the same verdict as in process", async () => {
    const signed = await workers.sign(unsigned, { key, date: now });
    const asked: string[] = [];
    const map = createMapFetcher(documents);
    const fetcher: Fetcher = (url, options) => {
      asked.push(url);
      return map(url, options);
    };
    const options = { fetcher, now, recipient: { email: "contact@cfa.example" } };
    const inThread = await workers.verify(JSON.stringify(signed), options);
    expect(inThread.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(inThread.verified).toBe(true);
    expect(asked).toContain(DID_URL);
    expect(asked).toContain(LIST_URL);
    expect(inThread).toEqual(await verifyCredential(JSON.stringify(signed), options));
  });

  it("a changed credential fails in a thread as it does in process", async () => {
    const signed = await workers.sign(unsigned, { key, date: now });
    const changed = { ...signed, name: "Autre" };
    const report = await workers.verify(changed, { fetcher: createMapFetcher(documents), now });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "signature")?.status).toBe("failed");
  });

  it("a verification waiting on a fetch leaves its one thread free for the signature that fetch needs", async () => {
    // As on the platform: our own status list is signed when it is asked for.
    const signed = await workers.sign(unsigned, { key, date: now });
    const map = createMapFetcher({ [DID_URL]: documents[DID_URL]! });
    const fetcher: Fetcher = async (url, options) => {
      if (url !== LIST_URL) return map(url, options);
      const list = await workers.sign(
        buildStatusListCredential({
          id: LIST_URL,
          issuer: ISSUER,
          purpose: "revocation",
          encodedList: encodeBitstring(createBitstring()),
          validFrom: now,
        }),
        { key, date: now },
      );
      return createMapFetcher({ [LIST_URL]: list })(url, options);
    };
    const report = await workers.verify(signed, { fetcher, now, budgetMs: 5_000 });
    expect(report.steps.find((s) => s.id === "status")?.status).toBe("passed");
    expect(report.verified).toBe(true);
  });

  it("a fetcher that throws reads as an unreachable document, not as a crash", async () => {
    const signed = await workers.sign(unsigned, { key, date: now });
    const report = await workers.verify(signed, {
      fetcher: async () => {
        throw new Error("socket hang up");
      },
      now,
    });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "parse")?.status).toBe("passed");
    expect(report.steps.some((s) => s.details?.code === "INTERNAL")).toBe(false);
  });

  it("a job past its budget gets a TIMEOUT report, its thread is replaced, and the next job is answered", async () => {
    const strict = createCredentialWorkers({ threads: 1 });
    try {
      await strict.verify({ warm: "up" }, { fetcher: createMapFetcher({}) });
      const report = await strict.verify(costly(), { fetcher: createMapFetcher({}), budgetMs: 50 });
      expect(report.steps[0]).toMatchObject({
        id: "parse",
        status: "failed",
        details: { code: "TIMEOUT" },
      });
      const small = await strict.verify({ hello: "world" }, { fetcher: createMapFetcher({}) });
      expect(small.steps.some((s) => s.details?.code === "TIMEOUT")).toBe(false);
      // A job sharing the thread that is terminated is run again, and answered.
      const signed = await strict.sign(unsigned, { key, date: now });
      const [late, innocent] = await Promise.all([
        strict.verify(costly(), { fetcher: createMapFetcher({}), budgetMs: 50 }),
        strict.verify(signed, { fetcher: createMapFetcher(documents), now }),
      ]);
      expect(late.steps[0]?.details?.code).toBe("TIMEOUT");
      expect(innocent.verified).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("past the queue's bound, callers are told the workers are busy instead of waiting forever", async () => {
    const tiny = createCredentialWorkers({ threads: 1, tasksPerThread: 1, maxQueue: 1 });
    try {
      await tiny.verify({ warm: "up" }, { fetcher: createMapFetcher({}) });
      const jobs = Array.from({ length: 4 }, () =>
        tiny.verify(costly(), { fetcher: createMapFetcher({}) }).then(
          () => "done",
          (error: unknown) =>
            error instanceof WorkersBusyError ? "busy" : `other ${String(error)}`,
        ),
      );
      const outcomes = await Promise.all(jobs);
      expect(outcomes.filter((o) => o === "busy").length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o === "done").length).toBeGreaterThan(0);
      expect(outcomes).not.toContain("other");
    } finally {
      await tiny.close();
    }
  });
});
