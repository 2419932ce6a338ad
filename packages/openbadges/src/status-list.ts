import { randomInt } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

/** The W3C minimum: 131,072 entries (16 KiB), so that one index tells nothing about its holder. */
export const MIN_STATUS_LIST_LENGTH = 131_072;
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

export type StatusPurpose = "revocation" | "suspension" | "message";

/**
 * How a list is laid out: `size` bits per entry, `entries` entries in all,
 * and the positions it gives out, `first` to `first + capacity - 1`.
 */
export type StatusListLayout = {
  purpose: StatusPurpose;
  size: 1 | 2;
  entries: number;
  first: number;
  capacity: number;
};

/** One bit per badge, set when it is revoked (or, in the older suspension lists, suspended). */
export const BIT_LIST: StatusListLayout = {
  purpose: "revocation",
  size: 1,
  entries: MIN_STATUS_LIST_LENGTH,
  first: 0,
  capacity: MIN_STATUS_LIST_LENGTH,
};

/** The values of a message entry, and what each one says (Bitstring Status List, statusMessage). */
export const STATUS_VALUES = { valid: 0, suspended: 1, revoked: 2 } as const;
export const STATUS_MESSAGES = [
  { status: "0x0", message: "valid" },
  { status: "0x1", message: "suspended" },
  { status: "0x2", message: "revoked" },
  { status: "0x3", message: "undefined" },
];

/**
 * A credential that can be suspended and revoked carries one entry (OB 3.0
 * allows one): purpose "message", two bits, 0x0 valid, 0x1 suspended,
 * 0x2 revoked, read at index × 2 as the specification says.
 *
 * Verifiers that ignore statusSize (@digitalcredentials/vc-bitstring-status-list,
 * behind verifier-core and the Learner Credential Wallet, and
 * @digitalbazaar/vc-bitstring-status-list 2.0) read the single bit at
 * `index`. So the list has 262,144 entries, gives out only the upper half
 * (131,072 positions, the specification's herd), and bit `index` of an entry
 * given out falls in the lower half, where no credential lives: it is set
 * when the badge is not valid, and those verifiers read "revoked" for a
 * revoked or suspended badge and "valid" for a valid one.
 */
export const MESSAGE_LIST: StatusListLayout = {
  purpose: "message",
  size: 2,
  entries: 2 * MIN_STATUS_LIST_LENGTH,
  first: MIN_STATUS_LIST_LENGTH,
  capacity: MIN_STATUS_LIST_LENGTH,
};

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

/** The value of entry `index` when each takes `size` bits, most significant bit first. */
export function getStatusValue(bits: Uint8Array, index: number, size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > 8) throw new RangeError("status size 1 to 8");
  let value = 0;
  for (let bit = 0; bit < size; bit++)
    value = (value << 1) | Number(getStatus(bits, index * size + bit));
  return value;
}

export function setStatusValue(bits: Uint8Array, index: number, size: number, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** size)
    throw new RangeError(`status value ${value} does not fit in ${size} bits`);
  for (let bit = 0; bit < size; bit++)
    setStatus(bits, index * size + bit, ((value >> (size - 1 - bit)) & 1) === 1);
}

/** A list's bits from the value of each entry that is not 0 (see MESSAGE_LIST for the extra bit). */
export function buildBitstring(
  layout: StatusListLayout,
  values: Iterable<{ index: number; value: number }>,
): Uint8Array {
  const bits = createBitstring(layout.entries * layout.size);
  for (const { index, value } of values) {
    if (index < layout.first || index >= layout.first + layout.capacity)
      throw new RangeError(`status index ${index} is not one this list gives out`);
    if (value === 0) continue;
    setStatusValue(bits, index, layout.size, value);
    if (layout.size > 1) setStatus(bits, index, true);
  }
  return bits;
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

/** A position the list gives out, drawn at random (positions in order would reveal issuance order). */
export function randomIndex(layout: StatusListLayout): number {
  return layout.first + randomInt(layout.capacity);
}

/** A free position of the list, at random; throws when every one is used. */
export function allocateIndex(used: ReadonlySet<number>, layout = BIT_LIST): number {
  for (let tries = 0; tries < 64; tries++) {
    const candidate = randomIndex(layout);
    if (!used.has(candidate)) return candidate;
  }
  // Nearly full: one of the free positions, at random.
  const free: number[] = [];
  for (let i = layout.first; i < layout.first + layout.capacity; i++)
    if (!used.has(i)) free.push(i);
  if (free.length === 0) throw new Error("status list full");
  return free[randomInt(free.length)]!;
}

export function statusEntry(options: { listUrl: string; index: number; purpose: StatusPurpose }) {
  return {
    id: `${options.listUrl}#${options.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: options.purpose,
    statusListIndex: String(options.index),
    ...(options.purpose === "message" ? { statusSize: MESSAGE_LIST.size } : {}),
    statusListCredential: options.listUrl,
    ...(options.purpose === "message"
      ? { statusMessage: STATUS_MESSAGES.map((m) => ({ ...m })) }
      : {}),
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
