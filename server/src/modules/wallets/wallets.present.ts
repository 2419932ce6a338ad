import type { Config } from "../../config";
import { OB3_CONTEXT } from "../credentials/issuer.service";
import { PROOF_ALGS } from "./wallets.proof";
import { CONFIGURATION_ID, PRE_AUTHORIZED_GRANT } from "./wallets.rules";
import { walletDisplay } from "./wallets.text";

/** The credential issuer's identifier: the platform itself, its own authorization server too. */
export const issuerId = (config: Config) => config.publicUrl;
export const credentialOfferUri = (config: Config, code: string) =>
  `${config.publicUrl}/oid4vci/offers/${code}`;
export const exchangeUrl = (config: Config, id: string) => `${config.publicUrl}/exchanges/${id}`;

/** OpenID4VCI 1.0 credential issuer metadata (/.well-known/openid-credential-issuer). */
export function issuerMetadata(config: Config) {
  const base = issuerId(config);
  return {
    credential_issuer: base,
    authorization_servers: [base],
    credential_endpoint: `${base}/oid4vci/credential`,
    nonce_endpoint: `${base}/oid4vci/nonce`,
    display: walletDisplay.issuer,
    credential_configurations_supported: {
      [CONFIGURATION_ID]: {
        format: "ldp_vc",
        scope: CONFIGURATION_ID,
        cryptographic_binding_methods_supported: ["did:key", "did:jwk"],
        // For ldp_vc, the Data Integrity cryptosuites the issuer signs with.
        credential_signing_alg_values_supported: ["eddsa-rdfc-2022"],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...PROOF_ALGS] } },
        credential_definition: {
          "@context": OB3_CONTEXT,
          type: ["VerifiableCredential", "OpenBadgeCredential"],
        },
        credential_metadata: { display: walletDisplay.credential },
      },
    },
  };
}

/** RFC 8414 metadata of the authorization server that takes pre-authorized codes. */
export function authorizationServerMetadata(config: Config) {
  const base = issuerId(config);
  return {
    issuer: base,
    token_endpoint: `${base}/oid4vci/token`,
    grant_types_supported: [PRE_AUTHORIZED_GRANT],
    token_endpoint_auth_methods_supported: ["none"],
    response_types_supported: [],
    "pre-authorized_grant_anonymous_access_supported": true,
  };
}
