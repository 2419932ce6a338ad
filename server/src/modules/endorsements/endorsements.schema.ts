import { z } from "zod";
import { endorsementStates, endorsementTargets } from "../../db/schema";
import { uuidParam } from "../../http/route-types";
import { jsonDocument, line, text } from "../../http/text";

/** did:web, did:key or https: an issuer id an external platform signs under. */
const externalIssuerId = line()
  .trim()
  .max(500)
  .regex(/^(did:web:[A-Za-z0-9.%:_-]+|did:key:z[1-9A-HJ-NP-Za-km-z]+|https:\/\/\S+)$/);

export const inviteBody = z
  .object({
    target: z.enum(endorsementTargets),
    /** The badge class endorsed (target "badge_class"). */
    badgeClassId: z.uuid().optional(),
    endorser: z.union([
      z.object({ organisationId: z.uuid() }).strict(),
      z
        .object({
          issuerId: externalIssuerId,
          name: line().trim().min(2).max(200),
          email: z.email().max(320),
        })
        .strict(),
    ]),
  })
  .strict();
export type InviteBody = z.infer<typeof inviteBody>;

export const signBody = z.object({ statement: text().trim().min(10).max(2000) }).strict();
export const uploadBody = z.object({ document: jsonDocument() }).strict();

export const idParams = z.object({ id: uuidParam });
export const tokenParams = z.object({ token: line().min(20).max(100) });

export const endorsementView = z.object({
  id: z.uuid(),
  state: z.enum(endorsementStates),
  target: z.enum(endorsementTargets),
  /** What is endorsed, in words, and its id as the credential names it. */
  endorsed: z.object({
    name: z.string(),
    description: z.string(),
    id: z.string(),
    badgeClassId: z.uuid().nullable(),
  }),
  endorser: z.object({
    name: z.string(),
    organisationId: z.uuid().nullable(),
    issuerId: z.string().nullable(),
  }),
  statement: z.string().nullable(),
  url: z.string(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EndorsementView = z.infer<typeof endorsementView>;
export const endorsementsView = z.object({ endorsements: z.array(endorsementView) });
export const invitedView = z.object({ id: z.uuid() });
