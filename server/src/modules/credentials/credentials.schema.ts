import { z } from "zod";
import { line, text } from "../../http/text";
import { awardings } from "../catalogue/awarding";

export const credentialStatusSchema = z.enum([
  "valid",
  "expired",
  "revoked",
  "suspended",
  "pending_start",
]);

/** An awarded badge as the API shows it: its live status, its badge, holder, issuer, downloads. */
export const credentialView = z.object({
  id: z.uuid(),
  url: z.string(),
  status: credentialStatusSchema,
  revocationReason: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  suspensionReason: z.string().nullable(),
  shownPublicly: z.boolean(),
  evidence: z.array(z.object({ name: z.string().optional(), narrative: z.string().optional() })),
  claimState: z.enum(["pending", "accepted", "declined"]),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime().nullable(),
  badge: z.object({
    id: z.uuid(),
    name: z.string(),
    recognises: z.string(),
    required: z.boolean(),
    kind: z.enum(["badge", "label"]),
    collection: z.string(),
    /** Its programme, or (partner set) the partner whose own badge it is. */
    programme: z.object({ slug: z.string(), name: z.string(), partner: z.string().nullable() }),
    awarding: z.enum(awardings),
    image: z.string(),
  }),
  /** name is null for a person who does not show it (a badge they have not accepted yet). */
  holder: z.object({ id: z.uuid(), name: z.string().nullable(), kind: z.string() }),
  issuer: z.object({ name: z.string(), url: z.string() }),
  /** OB 3.0 (json, png, svg: the signed credential) and OB 2.0 (ob2: the hosted assertion, baked). */
  downloads: z.object({
    json: z.string(),
    png: z.string(),
    svg: z.string(),
    ob2: z.string(),
    ob2Png: z.string(),
    ob2Svg: z.string(),
  }),
});
export type CredentialView = z.infer<typeof credentialView>;

/** "<uuid>", "<uuid>.json", "<uuid>.png" or "<uuid>.svg". */
export const credentialFileParams = z.object({ file: line().max(64) });
export const issuerSlugParams = z.object({ slug: line().max(120) });
export const statusListParams = z.object({ list: line().max(140) });

export const emptyBody = z.object({}).strict();
export const visibilityBody = z.object({ shown: z.boolean() }).strict();
export type VisibilityBody = z.infer<typeof visibilityBody>;
export const revocationBody = z.object({ reason: text().trim().min(5).max(1000) }).strict();
export type RevocationBody = z.infer<typeof revocationBody>;

/** The issuer's OB 3.0 Profile as `/issuers/{slug}` serves it (JSON-LD: other terms may follow). */
export const issuerProfileView = z
  .object({
    "@context": z.array(z.string()),
    id: z.string(),
    type: z.array(z.string()),
    name: z.string(),
    url: z.string(),
    email: z.string(),
  })
  .loose();
