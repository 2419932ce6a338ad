import path from "node:path";
import { buildOpenBadgeCredential, statusEntry, verifyCredential } from "@blason/openbadges";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { credentials, organisations, statusLists } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { activeIssuerKey, issuerProfile } from "../src/modules/credentials/issuer.service";
import { openPlatform, type Platform } from "../src/platform";
import { databaseBefore, firstRow } from "./support/migrations";
import { testConfig } from "./support/platform";

/**
 * Credentials issued while status positions were counted per issuer (and
 * labels carried a suspension entry) keep the entries they were signed with:
 * the migration reads each one's list and position from its document, and
 * their lists still say what they said.
 */
const config = testConfig();
const slug = "region-ancienne";
const list = (id: string) => `${config.publicUrl}/status/${id}`;
/** As issued before: index counted per issuer, list = floor(index / 131072) + 1. */
const legacy = [
  { key: "valid", index: 0, entry: ["region-ancienne-1", 0, "revocation"] },
  { key: "revoked", index: 1, entry: ["region-ancienne-1", 1, "revocation"], revoked: true },
  { key: "suspended", index: 2, entry: ["region-ancienne-1-suspension", 2, "suspension"] },
  {
    key: "label-revoked",
    index: 3,
    entry: ["region-ancienne-1-suspension", 3, "suspension"],
    revoked: true,
  },
  { key: "second-list", index: 131_074, entry: ["region-ancienne-2", 2, "revocation"] },
] as const;

let platform: Platform;
let app: Awaited<ReturnType<typeof buildApp>>;
let issuerId: string;
let badgeId: string;
let holderId: string;

beforeAll(async () => {
  const database = await databaseBefore("_status_lists_random_indexes");

  const one = <T>(query: ReturnType<typeof sql>) => firstRow<T>(database, query);
  issuerId = (
    await one<{ id: string }>(sql`insert into organisations (slug, name, kind, contact_email)
      values (${slug}, 'Région ancienne', 'region', 'badges@region.example') returning id`)
  ).id;
  holderId = (
    await one<{ id: string }>(sql`insert into organisations (slug, name, kind, contact_email)
      values ('atelier-ancien', 'Atelier ancien', 'partner', 'contact@atelier.example') returning id`)
  ).id;
  const programme = await one<{ id: string }>(sql`insert into programmes (slug, name, description)
    values ('programme-ancien', 'Programme ancien', 'Avant.') returning id`);
  const collection = await one<{ id: string }>(sql`insert into collections
    (programme_id, version, name, label_total) values (${programme.id}, '2024', 'Collection 2024', 10)
    returning id`);
  badgeId = (
    await one<{ id: string }>(sql`insert into badge_classes
      (collection_id, slug, name, recognises, criteria, required, validity_months, alignments, color, position)
      values (${collection.id}, 'ancien', 'Badge ancien', 'Reconnaît.', '[]'::jsonb, false, 48, '[]'::jsonb, '#14245c', 1)
      returning id`)
  ).id;
  for (const c of legacy) {
    const [listId, index, purpose] = c.entry;
    const document = {
      id: `urn:uuid:legacy-${c.key}`,
      credentialStatus: statusEntry({ listUrl: list(listId), index, purpose }),
    };
    await database.db.execute(sql`insert into credentials
      (grant_key, badge_class_id, issuer_id, subject_org_id, status_index, valid_from, document,
       ob2_salt, recipient_email, revoked_at, revocation_reason, suspended_at, suspension_reason)
      values (${`legacy:${c.key}`}, ${badgeId}, ${issuerId}, ${holderId}, ${c.index}, now(),
       ${JSON.stringify(document)}::jsonb, 'salt', 'contact@atelier.example',
       ${"revoked" in c ? sql`now(), 'Retiré.'` : sql`null, null`},
       ${c.key === "suspended" ? sql`now(), 'Suspendu.'` : sql`null, null`})`);
  }
  // Opening the platform applies the rest.
  platform = await openPlatform(config, { database });
  app = await buildApp(platform.ctx, { logger: false, webDir: path.join(config.dataDir, "no") });
  await app.ready();
  // Their documents, signed as they were by the issuer (same entries).
  const [issuer] = await platform.ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, issuerId));
  const key = await activeIssuerKey(platform.ctx, issuer!);
  for (const c of legacy) {
    const [listId, index, purpose] = c.entry;
    const signed = await platform.ctx.workers.sign(
      buildOpenBadgeCredential({
        id: `urn:uuid:00000000-0000-4000-8000-00000000000${legacy.indexOf(c)}`,
        issuer: issuerProfile(config, issuer!),
        achievement: {
          id: `${config.publicUrl}/badges/${badgeId}`,
          name: "Badge ancien",
          description: "Reconnaît.",
          criteria: { narrative: "1." },
        },
        subject: { id: "did:example:atelier" },
        validFrom: new Date("2025-01-01T00:00:00Z"),
        credentialStatus: statusEntry({ listUrl: list(listId), index, purpose }),
      }),
      { key, date: new Date() },
    );
    await platform.ctx.db
      .update(credentials)
      .set({ document: signed as Record<string, unknown> })
      .where(eq(credentials.grantKey, `legacy:${c.key}`));
  }
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe("credentials issued before random status positions", () => {
  it("keep the list and position they were signed with, and their lists say what they said", async () => {
    const rows = await platform.ctx.db.select().from(credentials);
    for (const c of legacy) {
      const row = rows.find((r) => r.grantKey === `legacy:${c.key}`)!;
      expect([row.statusList, row.statusIndex], c.key).toEqual([c.entry[0], c.entry[1]]);
    }
    const lists = await platform.ctx.db.select().from(statusLists);
    expect(
      lists
        .map((l) => [l.id, l.purpose, l.number, l.used])
        .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    ).toEqual([
      ["region-ancienne-1", "revocation", 1, 2],
      ["region-ancienne-1-suspension", "suspension", 1, 2],
      ["region-ancienne-2", "revocation", 2, 1],
    ]);
    const verdicts: Record<string, unknown> = {};
    for (const row of rows.filter((r) => r.grantKey.startsWith("legacy:"))) {
      const report = await verifyCredential(row.document, { fetcher: platform.ctx.fetcher });
      const status = report.steps.find((s) => s.id === "status");
      verdicts[row.grantKey.slice(7)] = status?.details?.code ?? status?.status;
    }
    // An older suspension entry is all a revoked label carries: it reads suspended, as before.
    expect(verdicts).toEqual({
      valid: "passed",
      revoked: "REVOKED",
      suspended: "SUSPENDED",
      "label-revoked": "SUSPENDED",
      "second-list": "passed",
    });
  });

  it("the next badge takes a free position at random in the open list", async () => {
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: "after:1",
      badgeClassId: badgeId,
      subjectOrgId: holderId,
      validFrom: new Date(),
    });
    expect(credential.statusList).toBe("region-ancienne-2");
    expect(credential.statusIndex).not.toBe(2);
    const [open] = await platform.ctx.db
      .select()
      .from(statusLists)
      .where(eq(statusLists.id, "region-ancienne-2"));
    expect(open!.used).toBe(2);
    const report = await verifyCredential(credential.document, { fetcher: platform.ctx.fetcher });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
  });
});
