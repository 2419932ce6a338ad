import { randomInt } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

/** The W3C minimum: 131,072 entries (16 KiB), so that one index tells nothing about its holder. */
export const MIN_STATUS_LIST_LENGTH = 131_072;
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

export type StatusPurpose = "revocation" | "suspension";

export function createBitstring(length = MIN_STATUS_LIST_LENGTH): Uint8Array {
  if (length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0)
    throw new RangeError("a status list has at least 131,072 entries, a multiple of 8");
  return new Uint8Array(length / 8);
}

/** Bit 0 is the most significant bit of byte 0, as the specification orders them. */
export function getStatus(bits: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8)
    throw new RangeError(`status index ${index} out of range`);
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

export function setStatus(bits: Uint8Array, index: number, value: boolean): void {
  getStatus(bits, index);
  const byte = index >> 3;
  const mask = 0x80 >> (index & 7);
  bits[byte] = value ? (bits[byte] ?? 0) | mask : (bits[byte] ?? 0) & ~mask;
}

/** gzip, then base64url with the multibase prefix "u". */
export function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString("base64url")}`;
}

export function decodeBitstring(encoded: string): Uint8Array {
  if (typeof encoded !== "string" || !/^u[A-Za-z0-9_-]+$/.test(encoded))
    throw new Error("not a multibase base64url bitstring");
  return new Uint8Array(
    gunzipSync(Buffer.from(encoded.slice(1), "base64url"), { maxOutputLength: MAX_DECODED_BYTES }),
  );
}

/** A free index chosen at random (indexes in order would reveal issuance order). */
export function allocateIndex(used: ReadonlySet<number>, length = MIN_STATUS_LIST_LENGTH): number {
  if (used.size >= length) throw new Error("status list full");
  for (let tries = 0; tries < 64; tries++) {
    const candidate = randomInt(length);
    if (!used.has(candidate)) return candidate;
  }
  for (let i = 0; i < length; i++) if (!used.has(i)) return i;
  throw new Error("status list full");
}

export function statusEntry(options: { listUrl: string; index: number; purpose: StatusPurpose }) {
  return {
    id: `${options.listUrl}#${options.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: options.purpose,
    statusListIndex: String(options.index),
    statusListCredential: options.listUrl,
  };
}

/** The status list credential, ready to sign. */
export function buildStatusListCredential(options: {
  id: string;
  issuer: string;
  purpose: StatusPurpose;
  encodedList: string;
  validFrom: Date;
  validUntil?: Date;
}) {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: options.id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: options.issuer,
    validFrom: options.validFrom.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...(options.validUntil
      ? { validUntil: options.validUntil.toISOString().replace(/\.\d{3}Z$/, "Z") }
      : {}),
    credentialSubject: {
      id: `${options.id}#list`,
      type: "BitstringStatusList",
      statusPurpose: options.purpose,
      encodedList: options.encodedList,
    },
  };
}
