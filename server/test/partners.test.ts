import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClients, devMail, partnerRegistrations } from "../src/db/schema";
import { authenticateApiClient } from "../src/modules/competences/api-key-auth";
import { issuerProofAddress } from "../src/modules/partners/issuer-proof.service";
import { json, type TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { type DidKeyIssuer, didKeyIssuer, signedPartnerBadge } from "./support/partner-issuer";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let server: http.Server;
let origin: string;
let badgeUrl: string;
let partner: Awaited<ReturnType<typeof buildOrganisation>>;
let partnerMember: TestClient;
let otherPartnerMember: TestClient;
let manager: TestClient;
let managerEmail: string;
/** The partner's own badge platform, for the pasted OB 3.0 badges. */
let issuer: DidKeyIssuer;

const badgeClass = {
  "@context": "https://w3id.org/openbadges/v2",
  type: "BadgeClass",
  name: "Organiser son travail en atelier",
  description: "La personne planifie ses tâches et tient ses délais en atelier.",
  image: "https://partenaire.example/badges/organiser.png",
  criteria: { narrative: "Observé sur trois semaines." },
};

/**
 * The partner's OB 2.0 platform: a BadgeClass, its issuer's profile, and the
 * hosted assertion it issued to the partner's proof address (the proof).
 */
function ob2Platform(request: http.IncomingMessage, response: http.ServerResponse) {
  const proofAddress = issuerProofAddress(platform.config, partner.id);
  const documents: Record<string, unknown> = {
    "/badges/organiser.json": { ...badgeClass, id: badgeUrl, issuer: `${origin}/issuer` },
    "/issuer": {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Issuer",
      id: `${origin}/issuer`,
      name: "Atelier d'insertion",
      url: origin,
      email: "contact@partenaire.example",
    },
    "/assertions/proof": {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Assertion",
      id: `${origin}/assertions/proof`,
      recipient: {
        type: "email",
        hashed: true,
        salt: "sel",
        identity: `sha256$${createHash("sha256").update(`${proofAddress}sel`).digest("hex")}`,
      },
      badge: badgeUrl,
      verification: { type: "hosted" },
      issuedOn: "2026-09-01T00:00:00Z",
    },
  };
  const document = documents[request.url ?? ""];
  if (!document) return response.writeHead(404).end();
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(document));
}

beforeAll(async () => {
  server = http.createServer(ob2Platform);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  badgeUrl = `${origin}/badges/organiser.json`;
  issuer = await didKeyIssuer();
  platform = await createTestPlatform({ config: { FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  partner = await buildOrganisation(platform.ctx, { name: "Atelier d'insertion", kind: "partner" });
  const other = await buildOrganisation(platform.ctx, { name: "Autre structure", kind: "partner" });
  const clientFor = async (orgId: string | null, roles: "programme_manager"[] = []) => {
    const user = await buildUser(platform.ctx, { platformRoles: roles });
    if (orgId) await addMember(platform.ctx, orgId, user.id, "member");
    return { client: await signedInClient(platform, user.id), user };
  };
  partnerMember = (await clientFor(partner.id)).client;
  otherPartnerMember = (await clientFor(other.id)).client;
  const m = await clientFor(null, ["programme_manager"]);
  manager = m.client;
  managerEmail = m.user.email;
});
afterAll(async () => {
  await platform?.close();
  server?.close();
});

const oneForOne = { family: "organiser", level: 1, equivalence: "one_for_one" } as const;

/**
 * Submits for the partner. A pasted badge is the partner's platform's (its
 * did:key), with the proof the platform issued to the partner's proof address.
 */
async function submit(body: Record<string, unknown>) {
  const pasted = typeof body.json === "string" ? (JSON.parse(body.json) as { id?: unknown }) : {};
  const proof =
    typeof pasted.id === "string" && /^(urn:|https?:)/.test(pasted.id)
      ? await signedPartnerBadge({
          signer: issuer,
          achievement: pasted.id,
          email: issuerProofAddress(platform.config, partner.id),
        })
      : null;
  return partnerMember.post("/api/partner-registrations", {
    organisationId: partner.id,
    target: oneForOne,
    justification: "Ce badge atteste exactement la compétence Organiser, niveau I.",
    issuerIri: issuer.did,
    ...(proof ? { proof: JSON.stringify(proof) } : {}),
    ...body,
  });
}

describe("registering a partner badge", () => {
  it("lists the regional competences and levels a badge may aim at", async () => {
    const targets = json<{ targets: { family: string; level: number }[] }>(
      await partnerMember.get("/api/competences/targets"),
    );
    expect(targets.targets).toHaveLength(8);
    expect(targets.targets).toContainEqual(
      expect.objectContaining({ family: "organiser", level: 1 }),
    );
  });

  it("tells a partner's members where to issue the proof of their issuer, and nobody else", async () => {
    const proof = json<{ recipient: string; ownIssuer: string }>(
      await partnerMember.get(`/api/organisations/${partner.id}/issuer-proof`),
    );
    expect(proof).toEqual({
      recipient: issuerProofAddress(platform.config, partner.id),
      ownIssuer: expect.stringMatching(new RegExp(`^did:web:.*:issuers:${partner.slug}$`)),
    });
    expect(proof.recipient).toMatch(/^preuve-[0-9a-f]{16}@/);
    const other = await otherPartnerMember.get(`/api/organisations/${partner.id}/issuer-proof`);
    expect(other.statusCode).toBe(404);
  });

  it("reads the badge class at its URL, through the safe fetcher, with its OB 2.0 hosted proof, and tells the managers", async () => {
    const byUrl = { source: "url", url: badgeUrl, issuerIri: undefined };
    const proof = `${origin}/assertions/proof`;
    const response = await submit({ ...byUrl, proof });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      badgeClassIri: badgeUrl,
      issuerIri: `${origin}/issuer`,
      issuerProof: "credential",
      name: "Organiser son travail en atelier",
      state: "submitted",
      target: oneForOne,
      approvedAt: null,
    });
    await platform.worker.drain();
    const mails = await platform.ctx.db.select().from(devMail).where(eq(devMail.to, managerEmail));
    expect(
      mails.some(
        (m) => m.subject === "Badge partenaire à valider : Organiser son travail en atelier",
      ),
    ).toBe(true);
    // The same badge twice is refused while the first is alive.
    const twice = await submit({ ...byUrl, proof });
    expect(twice.json().error.code).toBe("REGISTRATION_DUPLICATE");
  });

  it("reads pasted JSON (an OB 3.0 Achievement), and refuses what it cannot read, saying why", async () => {
    const achievement = {
      type: ["Achievement"],
      id: "urn:uuid:2b1f0c9e-1c3a-4b8e-9f0d-1a2b3c4d5e6f",
      name: "Communiquer avec les clients",
      criteria: { narrative: "..." },
    };
    const ok = await submit({
      source: "json",
      json: JSON.stringify(achievement),
      target: { family: "communiquer", level: 2, equivalence: "three_for_one" },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ badgeClassIri: achievement.id, source: "json" });

    const before = await platform.ctx.db.select().from(partnerRegistrations);
    const broken = await submit({ source: "json", json: '{"type":"Assertion","id":"x"}' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: "REGISTRATION_DOCUMENT_INVALID",
      fields: { document: expect.stringMatching(/ni une BadgeClass/) },
    });
    const unknownTarget = await submit({
      source: "json",
      json: JSON.stringify({ ...achievement, id: "urn:uuid:other" }),
      target: { family: "cuisiner", level: 1, equivalence: "one_for_one" },
    });
    expect(unknownTarget.json().error.code).toBe("REGISTRATION_TARGET_UNKNOWN");
    // Without a named issuer, anyone could sign a badge claiming this Achievement: refused.
    const noIssuer = await partnerMember.post("/api/partner-registrations", {
      organisationId: partner.id,
      source: "json",
      json: JSON.stringify({ ...achievement, id: "urn:uuid:sans-emetteur" }),
      target: oneForOne,
      justification: "Un badge dont l'émetteur n'est pas dit.",
    });
    expect(noIssuer.json().error).toMatchObject({
      code: "REGISTRATION_DOCUMENT_INVALID",
      fields: { issuerIri: expect.stringMatching(/identifiant de votre émetteur/) },
    });
    const unreachable = await submit({ source: "url", url: "http://127.0.0.1:1/nothing.json" });
    expect(unreachable.json().error.code).toBe("REGISTRATION_DOCUMENT_INVALID");
    expect(await platform.ctx.db.select().from(partnerRegistrations)).toHaveLength(before.length);
  });

  it("only the partner's members submit for it; other partners do not see its registrations", async () => {
    const forOther = await otherPartnerMember.post("/api/partner-registrations", {
      organisationId: partner.id,
      source: "url",
      url: badgeUrl,
      target: oneForOne,
      justification: "Je dépose pour une autre structure.",
    });
    expect(forOther.statusCode).toBe(404);
    const mine = json<{ registrations: { organisation: { id: string } }[] }>(
      await partnerMember.get("/api/partner-registrations"),
    );
    expect(mine.registrations.length).toBeGreaterThan(0);
    const theirs = json<{ registrations: unknown[] }>(
      await otherPartnerMember.get("/api/partner-registrations"),
    );
    expect(theirs.registrations).toEqual([]);
    const one = mine.registrations[0] as unknown as { id: string };
    expect((await otherPartnerMember.get(`/api/partner-registrations/${one.id}`)).statusCode).toBe(
      404,
    );
    const decide = await partnerMember.post(`/api/partner-registrations/${one.id}/decision`, {
      decision: "approve",
      motivation: "",
    });
    expect(decide.statusCode).toBe(403);
  });
});

describe("the Region's decision", () => {
  it("approves, and the approval date is kept", async () => {
    const created = await submit({
      source: "json",
      json: JSON.stringify({ type: "BadgeClass", id: "https://p.example/b/1", name: "S'adapter" }),
      target: { family: "s-adapter", level: 1, equivalence: "one_for_one" },
    });
    const id = created.json().id;
    const before = Date.now();
    const approved = await manager.post(`/api/partner-registrations/${id}/decision`, {
      decision: "approve",
      motivation: "Correspondance claire.",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe("approved");
    expect(Date.parse(approved.json().approvedAt)).toBeGreaterThanOrEqual(before - 1000);
    await platform.worker.drain();
    const mails = await platform.ctx.db
      .select()
      .from(devMail)
      .where(eq(devMail.to, partner.contactEmail));
    expect(mails.some((m) => m.subject === "Badge validé : S'adapter")).toBe(true);
    const again = await manager.post(`/api/partner-registrations/${id}/decision`, {
      decision: "refuse",
      motivation: "Changement d'avis.",
    });
    expect(again.json().error.code).toBe("REGISTRATION_TRANSITION_REFUSED");
  });

  it("proposes a requalification; the partner refuses it, then accepts a second one", async () => {
    const created = await submit({
      source: "json",
      json: JSON.stringify({ type: "BadgeClass", id: "https://p.example/b/2", name: "Accueil" }),
      target: { family: "s-integrer", level: 2, equivalence: "one_for_one" },
    });
    const id = created.json().id;
    const proposal = { family: "s-integrer", level: 1, equivalence: "three_for_one" };
    const proposed = await manager.post(`/api/partner-registrations/${id}/decision`, {
      decision: "requalify",
      motivation: "Le badge couvre une partie du niveau I seulement.",
      proposal,
    });
    expect(proposed.json()).toMatchObject({ state: "requalification_proposed", proposal });
    const refused = await partnerMember.post(`/api/partner-registrations/${id}/proposal`, {
      answer: "refuse",
    });
    expect(refused.json()).toMatchObject({ state: "submitted", proposal: null });
    await partnerMember.post(`/api/partner-registrations/${id}/messages`, {
      body: "Nos observations portent sur trois mois : pouvez-vous revoir le niveau ?",
    });
    await manager.post(`/api/partner-registrations/${id}/messages`, {
      body: "Le niveau I en 3 pour 1 reste notre proposition.",
    });
    await manager.post(`/api/partner-registrations/${id}/decision`, {
      decision: "requalify",
      motivation: "Niveau I, 3 pour 1.",
      proposal,
    });
    const accepted = await partnerMember.post(`/api/partner-registrations/${id}/proposal`, {
      answer: "accept",
    });
    expect(accepted.json()).toMatchObject({ state: "approved", target: proposal, proposal: null });
    expect(accepted.json().approvedAt).not.toBeNull();
    const thread = json<{ messages: { authorRole: string }[] }>(
      await partnerMember.get(`/api/partner-registrations/${id}`),
    );
    expect(thread.messages.map((m) => m.authorRole)).toEqual(["partner", "manager"]);
  });

  it("the partner withdraws before approval; a refusal needs a reason", async () => {
    const created = await submit({
      source: "json",
      json: JSON.stringify({ type: "BadgeClass", id: "https://p.example/b/3", name: "Retiré" }),
    });
    const id = created.json().id;
    const noReason = await manager.post(`/api/partner-registrations/${id}/decision`, {
      decision: "refuse",
      motivation: "",
    });
    expect(noReason.statusCode).toBe(400);
    const withdrawn = await partnerMember.post(`/api/partner-registrations/${id}/withdraw`, {});
    expect(withdrawn.json().state).toBe("withdrawn");
  });
});

describe("API keys for a partner's system", () => {
  it("an admin of the partner creates a key whose secret is shown once and stored hashed; revoked, it no longer opens", async () => {
    const admin = await buildUser(platform.ctx);
    await addMember(platform.ctx, partner.id, admin.id, "admin");
    const client = await signedInClient(platform, admin.id);
    const created = await client.post(`/api/organisations/${partner.id}/api-clients`, {
      name: "Plateforme de l'atelier",
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret, prefix } = created.json();
    expect(secret).toMatch(/^blason_sk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    const listed = await client.get(`/api/organisations/${partner.id}/api-clients`);
    expect(listed.body).not.toContain(secret);
    expect(listed.json().clients).toMatchObject([{ id, name: "Plateforme de l'atelier" }]);
    const [row] = await platform.ctx.db.select().from(apiClients).where(eq(apiClients.id, id));
    expect(row!.secretHash).not.toContain(secret.slice(10));

    const found = await authenticateApiClient(platform.ctx, `Bearer ${secret}`);
    expect(found.org.id).toBe(partner.id);
    await expect(authenticateApiClient(platform.ctx, `Bearer ${secret}x`)).rejects.toMatchObject({
      code: "API_CLIENT_INVALID",
    });
    await expect(authenticateApiClient(platform.ctx, undefined)).rejects.toMatchObject({
      code: "API_CLIENT_INVALID",
    });

    // A plain member may not mint keys.
    const byMember = await partnerMember.post(`/api/organisations/${partner.id}/api-clients`, {
      name: "Clé d'un membre",
    });
    expect(byMember.statusCode).toBe(403);

    const revoked = await client.post(
      `/api/organisations/${partner.id}/api-clients/${id}/revoke`,
      {},
    );
    expect(revoked.statusCode).toBe(204);
    await expect(authenticateApiClient(platform.ctx, `Bearer ${secret}`)).rejects.toMatchObject({
      code: "API_CLIENT_INVALID",
    });
  });
});
