import * as statusList2021 from "@digitalbazaar/vc-status-list";
import { beforeAll, describe, expect, it } from "vitest";
import { createMapFetcher } from "../src/fetch";
import { generateIssuerKey, type IssuerKey } from "../src/keys";
import { buildOpenBadgeCredential } from "../src/ob3";
import { signCredential } from "../src/sign";
import { verifyCredential } from "../src/verify";

/**
 * What a displayer shows of a badge (1EdTech's displayer checklist: image,
 * name, description, issuer name, issue date, status) must be in the
 * report's summary, whatever the credential's generation: OB 3.0 under
 * VC 1.1 (issuanceDate) or VC 2.0 (validFrom), and OB 2.0 (issuedOn).
 */

const now = new Date("2026-11-22T12:00:00Z");
const IMAGE =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC";
const VC1 = [
  "https://www.w3.org/2018/credentials/v1",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  "https://w3id.org/security/data-integrity/v2",
];

let key: IssuerKey;
let did: string;
beforeAll(async () => {
  const pending = await generateIssuerKey({ controller: "did:key:pending" });
  did = `did:key:${pending.publicKeyMultibase}`;
  key = { ...pending, controller: did, id: `${did}#${pending.publicKeyMultibase}` };
});

/** An OB 3.0 credential written the VC 1.1 way: issuanceDate and expirationDate. */
function vc11(extra: Record<string, unknown> = {}) {
  const v2 = buildOpenBadgeCredential({
    issuer: { id: did, name: "Atelier des Possibles" },
    achievement: {
      id: "https://atelier.example/badges/soudure",
      name: "Soudure à l'arc",
      description: "Soude des pièces d'acier en sécurité.",
      criteria: { narrative: "Observé en atelier." },
      image: { id: IMAGE },
    },
    subject: { id: "did:example:apprentie" },
    validFrom: new Date("2026-01-01T00:00:00Z"),
  });
  const { validFrom: _from, ...rest } = v2;
  return {
    ...rest,
    "@context": VC1,
    issuanceDate: "2025-03-04T09:30:00Z",
    expirationDate: "2030-01-01T00:00:00Z",
    ...extra,
  };
}

describe("the summary a displayer reads", () => {
  it("a VC 1.1 credential: its achievement's description, its issuanceDate as the issue date", async () => {
    const report = await verifyCredential(await signCredential(vc11(), { key }), {
      fetcher: createMapFetcher({}),
      now,
    });
    expect(report.verified).toBe(true);
    expect(report.summary).toMatchObject({
      name: "Soudure à l'arc",
      description: "Soude des pièces d'acier en sécurité.",
      issuerName: "Atelier des Possibles",
      issuedOn: "2025-03-04T09:30:00Z",
      validUntil: "2030-01-01T00:00:00Z",
      image: IMAGE,
    });
  });

  it("a VC 2.0 credential: validFrom is its issue date, unless it says when it was awarded", async () => {
    const credential = buildOpenBadgeCredential({
      issuer: { id: did, name: "Atelier des Possibles" },
      achievement: {
        id: "https://atelier.example/badges/accueil",
        name: "Accueil",
        description: "Accueille le public.",
        criteria: { narrative: "Observé." },
      },
      subject: { id: "did:example:apprentie" },
      validFrom: new Date("2026-02-01T08:00:00Z"),
    });
    const plain = await verifyCredential(credential, { fetcher: createMapFetcher({}), now });
    expect(plain.summary).toMatchObject({
      description: "Accueille le public.",
      issuedOn: "2026-02-01T08:00:00Z",
    });
    const awarded = await verifyCredential(
      { ...credential, awardedDate: "2025-12-15T10:00:00Z", description: "Le badge d'accueil." },
      { fetcher: createMapFetcher({}), now },
    );
    // The credential's own description comes first, as its own name does.
    expect(awarded.summary).toMatchObject({
      description: "Le badge d'accueil.",
      issuedOn: "2025-12-15T10:00:00Z",
      validFrom: "2026-02-01T08:00:00Z",
    });
  });

  it("an OB 2.0 hosted assertion: its badge class's description and its issuedOn", async () => {
    const base = "https://badges.atelier.example";
    const documents = {
      [`${base}/assertions/1`]: {
        "@context": "https://w3id.org/openbadges/v2",
        type: "Assertion",
        id: `${base}/assertions/1`,
        recipient: { type: "email", hashed: false, identity: "camille@example.org" },
        badge: `${base}/badges/soudure`,
        issuedOn: "2024-05-06T07:00:00Z",
        verification: { type: "hosted" },
      },
      [`${base}/badges/soudure`]: {
        "@context": "https://w3id.org/openbadges/v2",
        type: "BadgeClass",
        id: `${base}/badges/soudure`,
        name: "Soudure",
        description: "Soude des pièces d'acier.",
        image: IMAGE,
        criteria: { narrative: "Observé." },
        issuer: `${base}/issuer`,
      },
      [`${base}/issuer`]: {
        "@context": "https://w3id.org/openbadges/v2",
        type: "Issuer",
        id: `${base}/issuer`,
        name: "Atelier des Possibles",
        url: base,
      },
    };
    const report = await verifyCredential(`${base}/assertions/1`, {
      fetcher: createMapFetcher(documents),
      now,
    });
    expect(report.verified).toBe(true);
    expect(report.summary).toMatchObject({
      name: "Soudure",
      description: "Soude des pièces d'acier.",
      issuerName: "Atelier des Possibles",
      issuedOn: "2024-05-06T07:00:00Z",
      image: IMAGE,
    });
  });
});

describe("StatusList2021, the VC 1.1 status list", () => {
  const LIST = "https://atelier.example/status/2021/1";
  /** The list as @digitalbazaar/vc-status-list writes it (base64url, no multibase prefix), signed by the issuer. */
  async function list(revoked: number[]) {
    const bits = await statusList2021.createList({ length: 131072 });
    for (const i of revoked) bits.setStatus(i, true);
    const unsigned = await statusList2021.createCredential({
      id: LIST,
      list: bits,
      statusPurpose: "revocation",
    });
    return signCredential(
      {
        ...unsigned,
        "@context": [...(unsigned["@context"] as string[]), VC1[2]],
        issuer: did,
        issuanceDate: "2026-01-01T00:00:00Z",
      },
      { key },
    );
  }
  const entry = {
    id: `${LIST}#7`,
    type: "StatusList2021Entry",
    statusPurpose: "revocation",
    statusListIndex: "7",
    statusListCredential: LIST,
  };

  it("a credential whose bit is set reads revoked; one whose bit is clear reads not revoked", async () => {
    const credential = await signCredential(
      vc11({
        "@context": [...VC1, "https://w3id.org/vc/status-list/2021/v1"],
        credentialStatus: entry,
      }),
      { key },
    );
    const revoked = await verifyCredential(credential, {
      fetcher: createMapFetcher({ [LIST]: await list([3, 7]) }),
      now,
    });
    expect(revoked.steps.find((s) => s.id === "signature")?.status).toBe("passed");
    expect(revoked.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
    });
    const clear = await verifyCredential(credential, {
      fetcher: createMapFetcher({ [LIST]: await list([3]) }),
      now,
    });
    expect(clear.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(clear.verified).toBe(true);
  });
});
