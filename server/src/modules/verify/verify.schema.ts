import { z } from "zod";
import { line } from "../../http/text";

const reason = z.object({ fr: z.string(), en: z.string() });
export const reportSchema = z
  .object({
    verified: z.boolean(),
    format: z.enum(["ob3-di", "ob3-jwt", "ob2-hosted", "ob2-signed", "unknown"]),
    source: z.enum(["json", "jwt", "png", "svg", "url", "unknown"]),
    credential: z.record(z.string(), z.unknown()).optional(),
    summary: z.object({
      name: z.string().optional(),
      achievementName: z.string().optional(),
      description: z.string().optional(),
      issuerId: z.string().optional(),
      issuerName: z.string().optional(),
      recipient: z.string().optional(),
      recipientIdentities: z.array(z.object({ type: z.string(), hashed: z.boolean() })).optional(),
      image: z.string().optional(),
      issuedOn: z.string().optional(),
      validFrom: z.string().optional(),
      validUntil: z.string().optional(),
    }),
    steps: z.array(
      z.object({
        id: z.string(),
        status: z.enum(["passed", "failed", "not_applicable", "warning"]),
        reason,
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    /** Each embedded endorsement, verified apart: its fault is not the badge's. */
    endorsements: z
      .array(
        z.object({
          id: z.string().optional(),
          of: z.enum(["achievement", "issuer"]),
          endorserId: z.string().optional(),
          endorserName: z.string().optional(),
          comment: z.string().optional(),
          outcome: z.enum(["valid", "revoked", "unverifiable"]),
          reason,
          steps: z.array(
            z.object({
              id: z.string(),
              status: z.enum(["passed", "failed", "not_applicable", "warning"]),
              reason,
            }),
          ),
        }),
      )
      .optional(),
  })
  .meta({
    example: {
      verified: false,
      format: "ob3-di",
      source: "png",
      summary: { name: "Accueil et intégration", issuerName: "Région Normandie" },
      steps: [
        {
          id: "status",
          status: "failed",
          reason: { fr: "Ce badge a été révoqué.", en: "This badge has been revoked." },
        },
      ],
    },
  });

export type VerificationReportDto = z.infer<typeof reportSchema>;

export const verifyQuery = z.object({
  recipient: line().max(254).optional().meta({
    description:
      "The expected holder, checked against the badge's (often hashed) identifiers: an email address, a SIRET (14 digits), a UAI (7 digits and a letter), or a DID or URL",
  }),
});
