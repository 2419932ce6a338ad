import { buildCredential } from "../support/credentials";
import { type Cases, onOwnCfa } from "./matrix";

/**
 * Badges to wallets. Only the /api route is the matrix's: the protocol
 * endpoints (/.well-known/openid-credential-issuer, /oid4vci/*, /exchanges/:id)
 * take no session at all, a wallet holds the offer's secrets; their refusals
 * are in test/wallets.test.ts.
 */
export const walletCases: Cases = {
  "POST /api/credentials/:id/wallet-offer": {
    request: async (w) => ({
      params: { id: (await buildCredential(w.platform.ctx, { organisationId: w.cfaId })).id },
      body: { protocol: "oid4vci" },
    }),
    // An organisation's badge goes to a wallet through its administrators only.
    expect: onOwnCfa(200, ["cfaAdmin"]),
  },
};
