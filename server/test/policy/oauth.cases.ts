import { randomUUID } from "node:crypto";
import { oauthProvider } from "../../src/modules/oauth/oauth.provider";
import type { World } from "../support/world";
import { type Cases, onOwnCfa, ownCfa, signedIn } from "./matrix";

/** An interaction nobody started: known only to whoever guesses it (nobody). */
const unknownInteraction = () => ({ params: { uid: "Zm9yZ2VkLWludGVyYWN0aW9u" } });

/** A grant that another person gave a client. */
const someoneElsesGrant = async (w: World) => {
  const provider = oauthProvider(w.platform.ctx);
  const grant = new provider.Grant({ accountId: randomUUID(), clientId: "un-client" });
  return { params: { grantId: await grant.save() } };
};

/** A partner's clients: its admins and managers (the own organisation is a CFA: "not a partner"). */
const keyHolders = onOwnCfa(400, ["cfaAdmin", "manager"]);

/**
 * OAuth 2.0: the consent screen's routes and the person's allowed clients.
 * The authorization server's own routes (/oauth/*, called by clients with
 * their credentials) and the OB 3.0 API (/ims/ob/v3p0, bearer tokens) are
 * outside /api: test/ob3-backpack.test.ts plays them.
 */
export const oauthCases: Cases = {
  "GET /api/oauth/interactions/:uid": { request: unknownInteraction, expect: signedIn(404) },
  "POST /api/oauth/interactions/:uid": {
    request: () => ({ ...unknownInteraction(), body: { allow: true } }),
    expect: signedIn(404),
  },
  "GET /api/me/oauth-grants": { expect: signedIn(200) },
  // Nobody sees, let alone revokes, a grant that is not theirs.
  "DELETE /api/me/oauth-grants/:grantId": { request: someoneElsesGrant, expect: signedIn(404) },
  "GET /api/organisations/:id/oauth-clients": { request: ownCfa, expect: keyHolders },
  "POST /api/organisations/:id/oauth-clients": {
    request: (w) => ({ ...ownCfa(w), body: { name: "Client de test" } }),
    expect: keyHolders,
  },
  "DELETE /api/organisations/:id/oauth-clients/:clientId": {
    request: (w) => ({ params: { id: w.cfaId, clientId: "partner-inconnu-0000" } }),
    expect: keyHolders,
  },
};
