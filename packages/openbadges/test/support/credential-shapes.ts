import fc from "fast-check";
import { buildOpenBadgeCredential, hashedIdentifier } from "../../src/ob3";
import { buildStatusListCredential, statusEntry } from "../../src/status-list";

/**
 * Property generators for the credentials Blason issues and reads: badges,
 * labels, regional badges, endorsements, results, status list credentials,
 * VC 1.1 badges from partners, plain VC 2.0 credentials, and the proof
 * options documents the cryptosuites canonicalise beside them.
 */
const V2 = "https://www.w3.org/ns/credentials/v2";
const V1 = "https://www.w3.org/2018/credentials/v1";
const OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const OB3_2 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
const STATUS_2021 = "https://w3id.org/vc/status-list/2021/v1";
const DI_V2 = "https://w3id.org/security/data-integrity/v2";

/** Text with what serialisation must escape: quotes, backslashes, line breaks, accents, emoji. */
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }),
  fc.constantFrom(
    'un "guillemet"',
    "barre \\ oblique",
    "ligne\nsuivante",
    "tab\tulation",
    "été 🎓",
  ),
);
const iri = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.constantFrom(
    "did:web:badges.example",
    "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
  ),
);
const date = fc
  .date({ min: new Date("2000-01-01"), max: new Date("2099-01-01"), noInvalidDate: true })
  .map((d) => d);
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const status = fc.oneof(
  fc.record({
    listUrl: fc.webUrl(),
    index: fc.nat({ max: 131071 }),
    purpose: fc.constantFrom("revocation", "suspension", "message") as fc.Arbitrary<
      "revocation" | "suspension" | "message"
    >,
  }),
);

const badgeInput = fc.record({
  id: maybe(iri),
  issuer: fc.record({
    id: iri,
    name: text,
    url: maybe(fc.webUrl()),
    email: maybe(fc.emailAddress()),
  }),
  name: text,
  description: text,
  narrative: text,
  achievementId: iri,
  achievementType: maybe(fc.constantFrom("Badge", "Competency", "Award", "Certificate")),
  image: maybe(fc.record({ id: fc.webUrl(), caption: maybe(text) })),
  alignment: fc.array(
    fc.record({
      targetName: text,
      targetUrl: fc.webUrl(),
      targetCode: maybe(text),
      targetFramework: maybe(text),
    }),
    { maxLength: 3 },
  ),
  subjectId: maybe(iri),
  emails: fc.array(fc.emailAddress(), { maxLength: 2 }),
  validFrom: date,
  validUntil: maybe(date),
  evidence: fc.array(fc.record({ id: iri, name: maybe(text), narrative: maybe(text) }), {
    maxLength: 3,
  }),
  status: maybe(status),
});

function badge(input: typeof badgeInput extends fc.Arbitrary<infer T> ? T : never) {
  return buildOpenBadgeCredential({
    ...(input.id ? { id: input.id } : {}),
    issuer: {
      id: input.issuer.id,
      name: input.issuer.name,
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
      ...(input.issuer.email ? { email: input.issuer.email } : {}),
    },
    achievement: {
      id: input.achievementId,
      name: input.name,
      description: input.description,
      criteria: { narrative: input.narrative },
      ...(input.achievementType ? { achievementType: input.achievementType } : {}),
      ...(input.image
        ? {
            image: {
              id: input.image.id,
              ...(input.image.caption ? { caption: input.image.caption } : {}),
            },
          }
        : {}),
      ...(input.alignment.length
        ? {
            alignment: input.alignment.map((a) =>
              Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)),
            ) as { targetName: string; targetUrl: string }[],
          }
        : {}),
    },
    subject: {
      ...(input.subjectId ? { id: input.subjectId } : {}),
      ...(input.emails.length
        ? { identifier: input.emails.map((e) => hashedIdentifier("emailAddress", e, "sel")) }
        : {}),
    },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    ...(input.evidence.length
      ? {
          evidence: input.evidence.map((e) =>
            Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
          ) as { id: string }[],
        }
      : {}),
    ...(input.status ? { credentialStatus: statusEntry(input.status) } : {}),
  });
}

type Shape = { kind: string; document: Record<string, unknown> };

const badges: fc.Arbitrary<Shape> = badgeInput.map((i) => ({ kind: "badge", document: badge(i) }));
// A label and a regional badge: the same credential, other achievement types and contexts.
const labels: fc.Arbitrary<Shape> = fc
  .tuple(badgeInput, fc.constantFrom(OB3, OB3_2))
  .map(([i, ob3]) => {
    const document = badge({ ...i, achievementType: "Award" });
    return { kind: "label", document: { ...document, "@context": [V2, ob3] } };
  });
const regional: fc.Arbitrary<Shape> = fc
  .tuple(badgeInput, fc.array(iri, { minLength: 1, maxLength: 3 }))
  .map(([i, partners]) => ({
    kind: "regional",
    document: badge({
      ...i,
      achievementType: "Competency",
      evidence: partners.map((id) => ({ id, name: "Badge partenaire", narrative: undefined })),
    }),
  }));
const endorsements: fc.Arbitrary<Shape> = fc
  .record({ issuer: iri, name: text, subject: iri, comment: maybe(text), validFrom: date })
  .map((e) => ({
    kind: "endorsement",
    document: {
      "@context": [V2, OB3],
      id: "urn:uuid:3c1a9e0b-7d2f-4b8e-9a61-5f0c2d8e4b17",
      type: ["VerifiableCredential", "EndorsementCredential"],
      issuer: { id: e.issuer, type: ["Profile"], name: e.name },
      validFrom: iso(e.validFrom),
      name: e.name,
      credentialSubject: {
        id: e.subject,
        type: ["EndorsementSubject"],
        ...(e.comment ? { endorsementComment: e.comment } : {}),
      },
    },
  }));
const results: fc.Arbitrary<Shape> = fc
  .record({
    base: badgeInput,
    description: iri,
    value: text,
    credits: fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.double({ min: 0, max: 300, noNaN: true }),
    ),
    start: date,
    allowed: fc.array(fc.constantFrom("Completed", "Enrolled", "Failed", "Completed"), {
      maxLength: 4,
    }),
  })
  .map(({ base, description, value, credits, start, allowed }) => {
    const document = badge(base) as { credentialSubject: Record<string, unknown> };
    const subject = document.credentialSubject as Record<string, unknown> & {
      achievement: Record<string, unknown>;
    };
    return {
      kind: "result",
      document: {
        ...document,
        credentialSubject: {
          ...subject,
          achievement: {
            ...subject.achievement,
            creditsAvailable: credits,
            resultDescription: [
              {
                id: description,
                type: ["ResultDescription"],
                name: value,
                resultType: "Status",
                // A @list container: order kept, repeats kept, empty is rdf:nil.
                allowedValue: allowed.length === 1 ? allowed[0] : allowed,
              },
            ],
          },
          creditsEarned: credits,
          activityStartDate: iso(start).slice(0, 10),
          result: [
            { type: ["Result"], resultDescription: description, status: "Completed", value },
          ],
        },
      },
    };
  });
const statusLists: fc.Arbitrary<Shape> = fc
  .record({
    id: fc.webUrl(),
    issuer: iri,
    purpose: fc.constantFrom("revocation", "suspension", "message") as fc.Arbitrary<
      "revocation" | "suspension" | "message"
    >,
    encodedList: fc.base64String({ minLength: 4, maxLength: 40 }),
    validFrom: date,
    validUntil: maybe(date),
  })
  .map((s) => ({
    kind: "status-list",
    document: buildStatusListCredential({
      ...s,
      ...(s.validUntil ? { validUntil: s.validUntil } : { validUntil: undefined }),
    }) as Record<string, unknown>,
  }));
const vc1Badges: fc.Arbitrary<Shape> = fc
  .tuple(badgeInput, fc.boolean(), fc.webUrl(), fc.nat())
  .map(([i, withStatus, list, index]) => {
    const { validFrom, validUntil, credentialStatus: _s, ...rest } = badge(i);
    return {
      kind: "vc1-badge",
      document: {
        ...rest,
        "@context": [V1, OB3, ...(withStatus ? [STATUS_2021] : [])],
        issuanceDate: validFrom,
        ...(validUntil ? { expirationDate: validUntil } : {}),
        ...(withStatus
          ? {
              credentialStatus: {
                id: `${list}#${index}`,
                type: "StatusList2021Entry",
                statusPurpose: "revocation",
                statusListIndex: String(index),
                statusListCredential: list,
              },
            }
          : {}),
      },
    };
  });
// A credential of VC 2.0's terms only (its context has no @vocab: other terms are refused).
const plain: fc.Arbitrary<Shape> = fc
  .record({
    issuer: iri,
    subject: iri,
    claims: fc.dictionary(fc.constantFrom("name", "description"), text, { maxKeys: 2 }),
  })
  .map((p) => ({
    kind: "vc2-plain",
    document: {
      "@context": [V2],
      type: ["VerifiableCredential"],
      issuer: p.issuer,
      validFrom: "2026-01-01T00:00:00Z",
      credentialSubject: { id: p.subject, ...p.claims },
    },
  }));

export const credentialOfEveryShape: fc.Arbitrary<Shape> = fc.oneof(
  badges,
  labels,
  regional,
  endorsements,
  results,
  statusLists,
  vc1Badges,
  plain,
);

/** What eddsa-rdfc-2022 and ecdsa-rdfc-2019 canonicalise beside the credential. */
export const proofOptions = fc
  .record({
    context: fc.constantFrom([V2, OB3], [V2], [V1, OB3, DI_V2], [V2, OB3_2]),
    cryptosuite: fc.constantFrom("eddsa-rdfc-2022", "ecdsa-rdfc-2019"),
    created: date,
    verificationMethod: iri,
    purpose: fc.constantFrom("assertionMethod", "authentication"),
  })
  .map((p) => ({
    "@context": p.context,
    type: "DataIntegrityProof",
    cryptosuite: p.cryptosuite,
    created: iso(p.created),
    verificationMethod: p.verificationMethod,
    proofPurpose: p.purpose,
  }));

const oddKeys = fc.constantFrom(
  "inconnu",
  "@list",
  "@graph",
  "@reverse",
  "@index",
  "@language",
  "@nest",
  "@included",
  "@direction",
  "schema:name",
  "http://example.org/p",
  "_:b9",
  "id",
  "type",
  "allowedValue",
  // Terms of type-scoped contexts, met at nodes of other types (or none).
  "narrative",
  "achievement",
  "identityHash",
  "endorsementComment",
  "statusPurpose",
  "proof",
  "credentialSubject",
  "creditsAvailable",
);
const oddValues = fc.constantFrom<unknown>(
  "texte",
  null,
  [],
  [[1]],
  1.5,
  true,
  42,
  "relative/path",
  "_:b1",
  { "@value": "bonjour", "@language": "fr" },
  { "@value": "x", "@direction": "rtl" },
  { "@id": "_:b0" },
  { "@id": "relative" },
  { "@list": [1, 2] },
  { "@value": 1, "@type": "xsd:integer" },
  { "@value": { a: 1 }, "@type": "@json" },
  { "@context": "https://example.org/ctx", name: "x" },
  { "@context": { x: "http://example.org/x" }, x: "y" },
  ["a", { type: "Profile", name: "n" }],
  // Repeats: jsonld's node map keeps one statement of each.
  ["texte", "texte"],
  ["Achievement", "Achievement"],
  { id: "did:web:badges.example", type: "Profile", name: "n" },
  { type: "Achievement", name: "n", criteria: { narrative: "x" } },
  { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", created: "2026-01-01T00:00:00Z" },
  { "@value": "2026-01-01", "@type": "xsd:date" },
  "12.5",
);

/** Node objects of a document, the document first. */
function nodes(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) nodes(v, out);
  else if (typeof value === "object" && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) nodes(v, out);
  }
  return out;
}

/** Credentials of every shape with one to three odd keys or values put into their nodes. */
export const mutated = fc
  .tuple(
    credentialOfEveryShape,
    fc.array(fc.tuple(fc.nat(), oddKeys, oddValues), { minLength: 1, maxLength: 3 }),
    fc.constantFrom<unknown>(undefined, "https://example.org/ctx", { x: "http://example.org/x" }),
  )
  .map(([{ document }, changes, extraContext]) => {
    const copy = structuredClone(document);
    const targets = nodes(copy);
    for (const [at, key, value] of changes)
      targets[at % targets.length]![key] = structuredClone(value);
    if (extraContext !== undefined)
      copy["@context"] = [...(copy["@context"] as unknown[]), extraContext];
    return copy;
  });
