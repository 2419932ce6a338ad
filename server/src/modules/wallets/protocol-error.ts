/**
 * An error of the wallet protocols, answered as OAuth 2.0 and OpenID4VCI
 * write it (`{ error, error_description }`), not as the API's error body.
 */
export class WalletProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}
