// The presentation calls of @digitalbazaar/vc (its other calls are typed in packages/openbadges).
declare module "@digitalbazaar/vc" {
  export function verify(options: {
    presentation: object;
    challenge: string;
    domain: string;
    suite: unknown;
    documentLoader: unknown;
  }): Promise<{ verified: boolean; error?: unknown }>;
  export function createPresentation(options: {
    holder?: string;
    verifiableCredential?: object[];
  }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain: string;
    documentLoader: unknown;
  }): Promise<Record<string, unknown>>;
}
