import { and, eq, isNotNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, collections, credentials, organisations, users } from "../src/db/schema";
import { demoSiret, demoUai, seedDemo } from "../src/modules/demo/seed";
import { json, TestClient } from "./support/client";
import { signedInClient } from "./support/factories";
import { appWithWebApp, createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * What the product says must be true: the programme a badge belongs to, how
 * it is awarded and how long it lasts, who holds it, what the verifier
 * checked, and in the reader's language. Played on the demo's own data.
 */
let platform: TestPlatform;
let app: FastifyInstance;
const ids = {} as Record<
  | "regionalBadge"
  | "participantBadge"
  | "ownBadge"
  | "labelBadge"
  | "hiddenCredential"
  | "ownCredential"
  | "labelCredential",
  string
>;

beforeAll(async () => {
  platform = await createTestPlatform();
  await seedDemo(platform.ctx);
  app = await appWithWebApp(platform);
  const db = platform.ctx.db;
  const badge = async (slug: string) =>
    (await db.select().from(badgeClasses).where(eq(badgeClasses.slug, slug)))[0]!.id;
  ids.regionalBadge = await badge("organiser-1");
  ids.participantBadge = await badge("participant");
  const [own] = await db
    .select({ id: badgeClasses.id })
    .from(badgeClasses)
    .where(eq(badgeClasses.name, "S'adapter à un nouveau poste"));
  ids.ownBadge = own!.id;
  const [veille] = await db
    .select({ id: badgeClasses.id })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(and(eq(badgeClasses.slug, "veille"), eq(collections.inForce, true)));
  ids.labelBadge = veille!.id;
  const [hidden] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(
      and(
        eq(credentials.badgeClassId, ids.regionalBadge),
        isNotNull(credentials.subjectUserId),
        eq(credentials.claimState, "pending"),
      ),
    );
  ids.hiddenCredential = hidden!.id;
  const [ownCredential] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.badgeClassId, ids.ownBadge));
  ids.ownCredential = ownCredential!.id;
  const [calvados] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
  const [labelCredential] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.subjectOrgId, calvados!.id), eq(credentials.claimState, "accepted")));
  ids.labelCredential = labelCredential!.id;
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

/** A demo account, signed in. */
async function demoAccount(email: string) {
  const [user] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
  return { user: user!, client: await signedInClient(platform, user!.id) };
}

const anonymous = (locale: "fr" | "en" = "fr") => {
  const client = new TestClient(platform.app);
  client.locale = locale;
  return client;
};
const page = async (url: string) => (await app.inject({ method: "GET", url })).body;
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

type Programme = { slug: string; name: string; partner: string | null };
type PublicBadge = { programme: Programme; awarding: string };
type CredentialView = {
  badge: { programme: Programme; awarding: string };
  holder: { name: string | null };
  revocationReason: string | null;
};

describe("16: a badge's public pages name its own programme, or its partner", () => {
  it("a regional badge belongs to the competences programme, a partner's own badge to its partner", async () => {
    const regional = json<PublicBadge>(
      await anonymous().get(`/api/public/badges/${ids.regionalBadge}`),
    );
    expect(regional.programme).toMatchObject({
      name: "La Normandie badge les compétences",
      partner: null,
    });
    const own = json<PublicBadge>(await anonymous().get(`/api/public/badges/${ids.ownBadge}`));
    expect(own.programme.partner).toBe("Atelier Emploi Rouen");
    const catalogue = json<{ programme: Programme }>(
      await anonymous().get(`/api/public/programmes/${own.programme.slug}/badges`),
    );
    expect(catalogue.programme.partner).toBe("Atelier Emploi Rouen");
  });

  it("an awarded badge says its programme: never the label's for a regional or a partner's badge", async () => {
    const hidden = json<CredentialView>(
      await anonymous().get(`/api/public/credentials/${ids.hiddenCredential}`),
    );
    expect(hidden.badge.programme).toMatchObject({
      name: "La Normandie badge les compétences",
      partner: null,
    });
    const own = json<CredentialView>(
      await anonymous().get(`/api/public/credentials/${ids.ownCredential}`),
    );
    expect(own.badge.programme.partner).toBe("Atelier Emploi Rouen");
    const label = json<CredentialView>(
      await anonymous().get(`/api/public/credentials/${ids.labelCredential}`),
    );
    expect(label.badge.programme.name).toBe("Label CFA Innovant et Durable");
  });

  it("the first HTML response says the same, without JavaScript", async () => {
    const own = await page(`/badges/${ids.ownBadge}`);
    expect(own).toContain("Badge délivré par Atelier Emploi Rouen");
    expect(own).not.toMatch(/Label CFA|Collection 1/);
    expect(meta(own, "og:title")).toBe("S&#39;adapter à un nouveau poste — Atelier Emploi Rouen");
    const regional = await page(`/badges/${ids.regionalBadge}`);
    expect(regional).toContain("<p>La Normandie badge les compétences</p>");
    const credential = await page(`/credentials/${ids.ownCredential}`);
    expect(credential).toContain("Badge délivré par Atelier Emploi Rouen");
    expect(credential).not.toContain("Label CFA");
  });
});

describe("17: a holder who does not show their name gets a sentence of its own", () => {
  it("the API gives no name rather than a placeholder to put in a sentence", async () => {
    const view = json<CredentialView>(
      await anonymous().get(`/api/public/credentials/${ids.hiddenCredential}`),
    );
    expect(view.holder.name).toBeNull();
    expect(JSON.stringify(view)).not.toContain("Titulaire non affiché");
  });

  it("the page says it was awarded to a person who does not show their name", async () => {
    const html = await page(`/credentials/${ids.hiddenCredential}`);
    expect(html).toContain(
      "Délivré par Région Normandie à une personne qui n&#39;affiche pas son nom",
    );
    expect(html).not.toContain("Titulaire non affiché");
    expect(meta(html, "og:title")).toBe("Organiser, niveau I — Je pratique");
  });
});

describe("21: how long a badge lasts, and from when, as it is awarded", () => {
  it.each([
    ["labelBadge", "commission"],
    ["regionalBadge", "automatic"],
    ["participantBadge", "request"],
    ["ownBadge", "partner"],
  ] as const)("%s is awarded by %s", async (badge, awarding) => {
    const view = json<PublicBadge>(await anonymous().get(`/api/public/badges/${ids[badge]}`));
    expect(view.awarding).toBe(awarding);
  });

  it("a competence badge's page never speaks of a commission", async () => {
    const regional = await page(`/badges/${ids.regionalBadge}`);
    expect(regional).not.toContain("commission");
    expect(regional).toContain("Délivré automatiquement par la Région");
    const participant = await page(`/badges/${ids.participantBadge}`);
    expect(participant).not.toContain("commission");
    const label = await page(`/badges/${ids.labelBadge}`);
    expect(label).toContain("à compter de la décision de la commission");
  });
});

type Report = {
  verified: boolean;
  format: string;
  summary: { recipientIdentities?: { type: string; hashed: boolean }[] };
  steps: { id: string; status: string; reason: { fr: string; en: string } }[];
};

describe("20: the verifier checks what it says, and the holder it is told", () => {
  const verify = async (body: string, query = "", locale = "fr") =>
    platform.app.inject({
      method: "POST",
      url: `/api/verify${query}`,
      headers: { "content-type": "application/json", "accept-language": locale },
      payload: body,
    });
  const step = (report: Report, id: string) => report.steps.find((s) => s.id === id);
  let badge: string;
  beforeAll(async () => {
    badge = (await app.inject({ url: `/credentials/${ids.labelCredential}.json` })).body;
  });

  it("a document that is not a credential does not pass the format step", async () => {
    const report = json<Report>(await verify('{"hello":"world"}'));
    expect(report.verified).toBe(false);
    expect(report.format).toBe("unknown");
    expect(step(report, "format")).toMatchObject({
      status: "failed",
      reason: { fr: expect.stringMatching(/n'est pas un badge/) },
    });
  });

  it("says how the holder is identified instead of only a hash", async () => {
    const report = json<Report>(await verify(badge));
    expect(report.verified).toBe(true);
    expect(report.summary.recipientIdentities).toEqual([
      { type: "identifier", hashed: true },
      { type: "identifier", hashed: true },
      { type: "emailAddress", hashed: true },
    ]);
    expect(step(report, "recipient_match")?.reason.fr).toMatch(
      /adresse e-mail, son SIRET ou son UAI/,
    );
  });

  it.each([
    ["the holder's email", "contact@cfa-calvados.example", "passed"],
    ["another email", "contact@cfa-industrie-rouen.example", "failed"],
    ["the holder's SIRET", demoSiret(2), "passed"],
    ["another organisation's SIRET", demoSiret(3), "failed"],
    ["the holder's UAI", demoUai(11), "passed"],
    ["another UAI", demoUai(12), "failed"],
  ])("with %s (%s) the recipient step is %s", async (_what, recipient, status) => {
    const report = json<Report>(await verify(badge, `?recipient=${encodeURIComponent(recipient)}`));
    expect(step(report, "recipient_match")?.status).toBe(status);
    expect(report.verified).toBe(status === "passed");
  });

  it("refuses a mistyped SIRET with a reason next to the field, in the caller's language", async () => {
    const wrong = `${demoSiret(2).slice(0, 13)}${(Number(demoSiret(2)[13]) + 1) % 10}`;
    const response = await verify(badge, `?recipient=${wrong}`, "en");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VERIFY_RECIPIENT_INVALID",
      message: expect.stringMatching(/^The expected holder must be/),
      fields: { recipient: expect.stringMatching(/SIRET is not valid/) },
    });
  });
});

type Summary = {
  id: string;
  state: string;
  intake: string;
  organisation: { name: string; kind: string };
  session: { name: string; commissionDate: string; revisionsOnly: boolean } | null;
};

describe("22: the managers' queue tells a sent Participant request from a draft", () => {
  it("lists it as a request decided as it comes, from a partner organisation", async () => {
    const { client } = await demoAccount("gestion@region-normandie.example");
    const { applications } = json<{ applications: Summary[] }>(
      await client.get("/api/applications"),
    );
    const bessin = applications.find((a) => a.organisation.name === "Mission Locale du Bessin");
    expect(bessin).toMatchObject({
      state: "submitted",
      intake: "continuous",
      session: null,
      organisation: { kind: "partner" },
    });
    const label = applications.find((a) => a.session !== null);
    expect(label).toMatchObject({
      intake: "sessions",
      organisation: { kind: "cfa" },
      session: { revisionsOnly: false },
    });
    const detail = json<Summary>(await client.get(`/api/applications/${bessin!.id}`));
    expect(detail).toMatchObject({ intake: "continuous", organisation: { kind: "partner" } });
  });
});

describe("25: text the server writes follows the reader's language", () => {
  it("a badge declined by its holder says so in English to an English reader", async () => {
    const { user: yanis, client: person } = await demoAccount("yanis.benali@exemple.fr");
    const [pending] = await platform.ctx.db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(eq(credentials.subjectUserId, yanis.id), eq(credentials.claimState, "pending")));
    expect((await person.post(`/api/credentials/${pending!.id}/decline`)).statusCode).toBe(200);
    const en = json<CredentialView>(
      await anonymous("en").get(`/api/public/credentials/${pending!.id}`),
    );
    const fr = json<CredentialView>(
      await anonymous().get(`/api/public/credentials/${pending!.id}`),
    );
    expect([en.revocationReason, fr.revocationReason]).toEqual([
      "Declined by its holder",
      "Refusé par son titulaire",
    ]);
  });

  it("why a partner badge does not count is told in the person's language", async () => {
    const { client: person } = await demoAccount("thomas.leroux@exemple.fr");
    person.locale = "en";
    const mine = json<{ partnerBadges: { counts: boolean; refusalReason: string | null }[] }>(
      await person.get("/api/me/partner-badges"),
    );
    const refused = mine.partnerBadges.find((b) => !b.counts);
    expect(refused?.refusalReason).toBe(
      "This badge was awarded before the Region approved its mapping: it does not count (no retroactivity).",
    );
  });
});
