import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { credentials } from "../src/db/schema";
import { openPlatform, type Platform } from "../src/platform";
import { databaseBefore, firstRow } from "./support/migrations";
import { testConfig } from "./support/platform";

/**
 * Credentials issued before their subject had a kind (an organisation's, a
 * person's, and one whose person has since left) keep every row and every
 * address once the migration derives it: the kind is read from the subject
 * columns they already had, and their pages answer as before.
 */
const config = testConfig();
let platform: Platform;
let app: Awaited<ReturnType<typeof buildApp>>;
const ids: Record<"organisation" | "person" | "left", string> = {
  organisation: "",
  person: "",
  left: "",
};

beforeAll(async () => {
  const database = await databaseBefore("_credential_subject_kind");

  const one = <T>(query: ReturnType<typeof sql>) => firstRow<T>(database, query);
  const issuer = await one<{ id: string }>(sql`insert into organisations (slug, name, kind,
    contact_email) values ('region-avant', 'Région avant', 'region', 'badges@region.example')
    returning id`);
  const cfa = await one<{ id: string }>(sql`insert into organisations (slug, name, kind,
    contact_email) values ('cfa-avant', 'CFA avant', 'cfa', 'contact@cfa.example') returning id`);
  const person = await one<{ id: string }>(sql`insert into users (email, name)
    values ('ines@example.org', 'Inès Martin') returning id`);
  const programme = await one<{ id: string }>(sql`insert into programmes (slug, name, description)
    values ('programme-avant', 'Programme avant', 'Avant.') returning id`);
  const collection = await one<{ id: string }>(sql`insert into collections
    (programme_id, version, name, label_total) values (${programme.id}, '2024', 'Collection 2024', 10)
    returning id`);
  const badge = await one<{ id: string }>(sql`insert into badge_classes
    (collection_id, slug, name, recognises, criteria, required, validity_months, alignments, color, position)
    values (${collection.id}, 'avant', 'Badge avant', 'Reconnaît.', '[]'::jsonb, false, 48, '[]'::jsonb, '#14245c', 1)
    returning id`);
  await database.db.execute(sql`insert into status_lists (id, issuer_id, purpose, number)
    values ('region-avant-1', ${issuer.id}, 'revocation', 1)`);
  const holders = {
    organisation: sql`${cfa.id}::uuid, null`,
    person: sql`null, ${person.id}::uuid`,
    left: sql`null, null`,
  };
  for (const [index, [key, holder]] of Object.entries(holders).entries()) {
    const row = await one<{ id: string }>(sql`insert into credentials
      (grant_key, badge_class_id, issuer_id, subject_org_id, subject_user_id, status_list,
       status_index, valid_from, document, ob2_salt, recipient_email, claim_state)
      values (${`before:${key}`}, ${badge.id}, ${issuer.id}, ${holder}, 'region-avant-1', ${index},
       now(), '{}'::jsonb, 'salt', 'contact@example.org', 'accepted') returning id`);
    ids[key as keyof typeof ids] = row.id;
  }
  platform = await openPlatform(config, { database });
  app = await buildApp(platform.ctx, { logger: false, webDir: path.join(config.dataDir, "no") });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe("a credential's subject kind, derived by the migration", () => {
  it("keeps every credential and names each one's kind from the columns it had", async () => {
    const rows = await platform.ctx.db
      .select({ id: credentials.id, kind: credentials.subjectKind })
      .from(credentials);
    expect(new Map(rows.map((r) => [r.id, r.kind]))).toEqual(
      new Map([
        [ids.organisation, "organisation"],
        [ids.person, "person"],
        [ids.left, "person"],
      ]),
    );
  });

  it("serves the organisation's and the person's credential at the address they had", async () => {
    for (const [id, holder] of [
      [ids.organisation, { kind: "cfa", name: "CFA avant" }],
      [ids.person, { kind: "person", name: "Inès Martin" }],
    ] as const) {
      const response = await app.inject({ url: `/api/public/credentials/${id}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().holder).toMatchObject(holder);
    }
  });

  it("refuses a credential held by an organisation and a person at once", async () => {
    const [held] = await platform.ctx.db.select().from(credentials).limit(1);
    const refused = await platform.ctx.db
      .execute(sql`update credentials
        set subject_org_id = ${held!.issuerId}, subject_user_id = (select id from users limit 1)
        where id = ${ids.organisation}`)
      .then(
        () => undefined,
        (error: { cause?: { constraint?: string } }) => error.cause,
      );
    expect(refused?.constraint).toBe("credentials_one_subject_check");
  });
});
