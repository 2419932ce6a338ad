/** Badges sent to wallets. Status, French message, English message. */
export const walletErrors = {
  WALLET_CREDENTIAL_NOT_VALID: [
    409,
    "Ce badge n'est plus valide : il ne peut pas être ajouté à un portefeuille.",
    "This badge is no longer valid: it cannot be added to a wallet.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;
