import { z } from "zod";
import { text } from "../../http/text";

export const requestKind = z.enum(["first", "renewal"]);
export const requestState = z.enum(["pending", "confirmed", "refused", "withdrawn"]);

/** Where an organisation stands against the label rule, and its label. */
export const progressSchema = z.object({
  programme: z.object({ slug: z.string(), name: z.string() }),
  collection: z.string(),
  eligible: z.boolean(),
  count: z.number(),
  total: z.number(),
  requiredTotal: z.number(),
  requiredHeld: z.number(),
  atRiskFrom: z.string().nullable(),
  label: z.object({
    state: z.enum(["none", "active", "suspended", "expired", "revoked"]),
    credentialId: z.uuid().nullable(),
    validUntil: z.string().nullable(),
    suspendedAt: z.string().nullable(),
    suspensionReason: z.string().nullable(),
    image: z.string().nullable(),
    request: z
      .object({
        id: z.uuid(),
        kind: requestKind,
        state: requestState,
        createdAt: z.string(),
        decidedAt: z.string().nullable(),
        motivation: z.string().nullable(),
      })
      .nullable(),
    canRequest: z.boolean(),
    requestKind,
  }),
  badges: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      required: z.boolean(),
      state: z.enum(["held", "expiring", "pending", "lapsed", "missing"]),
      validUntil: z.string().nullable(),
      credentialId: z.uuid().nullable(),
      applicationId: z.uuid().nullable(),
      image: z.string(),
    }),
  ),
});

/** A label request as managers see it: the check made then, the rule now. */
export const requestView = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  kind: requestKind,
  state: requestState,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  motivation: z.string().nullable(),
  check: z.object({
    eligible: z.boolean(),
    count: z.number(),
    total: z.number(),
    counted: z.array(
      z.object({ badge: z.string(), credentialId: z.string(), validUntil: z.string().nullable() }),
    ),
  }),
  now: z
    .object({ eligible: z.boolean(), count: z.number(), missingRequired: z.array(z.string()) })
    .nullable(),
});

export const decisionBody = z
  .object({
    decision: z.enum(["confirm", "refuse"]),
    motivation: text().trim().min(3).max(5000),
  })
  .strict();
export type DecisionBody = z.infer<typeof decisionBody>;
