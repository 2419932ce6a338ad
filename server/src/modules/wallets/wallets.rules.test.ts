import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { walletOfferStates, walletProtocols } from "../../db/states";
import { holderKey, issueNonce, nonceIsFresh } from "./wallets.proof";
import {
  credentialOffer,
  credentialOfferLink,
  lcwLink,
  newTxCode,
  nextStep,
} from "./wallets.rules";

const now = new Date("2026-12-02T12:00:00Z");
const later = new Date(now.getTime() + 60_000);

describe("nextStep", () => {
  it("lets each protocol take exactly its steps, and nothing once expired", () => {
    for (const protocol of walletProtocols)
      for (const state of walletOfferStates)
        for (const step of ["token", "deliver"] as const) {
          const allowed =
            protocol === "oid4vci"
              ? (step === "token" && state === "offered") ||
                (step === "deliver" && state === "token_issued")
              : step === "deliver" && state === "offered";
          expect(nextStep({ protocol, state, expiresAt: later }, step, now) !== undefined).toBe(
            allowed,
          );
          expect(nextStep({ protocol, state, expiresAt: now }, step, now)).toBeUndefined();
        }
  });
});

describe("offers", () => {
  it("transaction codes are six digits", () => {
    for (let i = 0; i < 50; i++) expect(newTxCode()).toMatch(/^\d{6}$/);
  });

  it("the offer link names the offer by reference, and the offer its code", () => {
    const link = credentialOfferLink("https://blason.example/oid4vci/offers/code-1");
    const parsed = new URL(link.replace("openid-credential-offer://", "https://x/"));
    expect(parsed.searchParams.get("credential_offer_uri")).toBe(
      "https://blason.example/oid4vci/offers/code-1",
    );
    const offer = credentialOffer("https://blason.example", "code-1");
    expect(Object.values(offer.grants)[0]?.["pre-authorized_code"]).toBe("code-1");
  });

  it("the LCW link names the exchange", () => {
    const link = lcwLink("https://blason.example", "https://blason.example/exchanges/abc");
    const request = JSON.parse(new URL(link).searchParams.get("request")!);
    expect(request.protocols.vcapi).toBe("https://blason.example/exchanges/abc");
  });
});

describe("nonces", () => {
  const key = Buffer.alloc(32, 7);
  it("are fresh for five minutes, under our key only", () => {
    const nonce = issueNonce(key, now);
    expect(nonceIsFresh(key, nonce, now)).toBe(true);
    expect(nonceIsFresh(key, nonce, new Date(now.getTime() + 299_000))).toBe(true);
    expect(nonceIsFresh(key, nonce, new Date(now.getTime() + 301_000))).toBe(false);
    expect(nonceIsFresh(Buffer.alloc(32, 8), nonce, now)).toBe(false);
  });

  it("never accept a mutated nonce, nor throw on garbage", () => {
    const nonce = issueNonce(key, now);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (other) => {
        fc.pre(other !== nonce);
        expect(nonceIsFresh(key, other, now)).toBe(false);
      }),
    );
  });
});

describe("holderKey", () => {
  it("reads a did:key, refuses a key given twice or a private key", () => {
    const did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    expect(holderKey({ kid: `${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK` })?.did).toBe(
      did,
    );
    const jwk = { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" };
    expect(holderKey({ kid: did, jwk })).toBeUndefined();
    expect(holderKey({ jwk: { ...jwk, d: "secret" } })).toBeUndefined();
    expect(holderKey({ jwk })?.did).toMatch(/^did:jwk:/);
    expect(holderKey({ kid: "did:web:example.org#key-1" })).toBeUndefined();
  });
});
