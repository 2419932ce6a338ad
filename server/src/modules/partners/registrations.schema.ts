import { z } from "zod";
import { equivalenceKinds, registrationStates } from "../../db/schema";
import { badgeText, line, text, url } from "../../http/text";

export const target = z
  .object({
    family: z.string().trim().min(1).max(80),
    level: z.number().int().min(1).max(9),
    equivalence: z.enum(equivalenceKinds),
  })
  .strict();
/** The target a partner or a manager gives, its family checked for control characters. */
export const targetInput = target.extend({ family: line().trim().min(1).max(80) });

export const registrationView = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  source: z.enum(["url", "json", "blason"]),
  badgeClassIri: z.string(),
  issuerIri: z.string().nullable(),
  /** How the partner proved it controls the issuer; null: never proven (such a registration counts for nothing). */
  issuerProof: z.enum(["blason", "credential"]).nullable(),
  name: z.string(),
  description: z.string(),
  image: z.string().nullable(),
  target,
  proposal: target.extend({ note: z.string() }).nullable(),
  justification: z.string(),
  state: z.enum(registrationStates),
  approvedAt: z.string().nullable(),
  motivation: z.string().nullable(),
  createdAt: z.string(),
});

/** A registration: the badge (by URL, pasted JSON or on Blason), its target, and the issuer's proof. */
export const registrationBody = z
  .intersection(
    z.discriminatedUnion("source", [
      z.object({
        source: z.literal("url"),
        url: url({ protocol: /^https?$/ }).max(2000),
      }),
      z.object({ source: z.literal("json"), json: badgeText().min(2).max(200_000) }),
      z.object({ source: z.literal("blason"), badgeClassId: z.uuid() }),
    ]),
    z.object({
      organisationId: z.uuid(),
      target: targetInput,
      justification: text().trim().min(10).max(10_000),
      /** Needed when the document does not name its issuer. */
      issuerIri: line()
        .trim()
        .regex(/^(https?:\/\/|did:)\S+$/)
        .max(2000)
        .optional(),
      /** A credential of the badge, signed by its issuer, issued to the proof address. */
      proof: badgeText().trim().min(1).max(7_500_000).optional(),
    }),
  )
  .meta({
    examples: [
      {
        source: "url",
        url: "https://badges.atelier-emploi.example/badges/accueil",
        organisationId: "273ccb19-25f4-40e3-ade8-1c007a9abc94",
        target: { family: "communiquer", level: 1, equivalence: "three_for_one" },
        justification:
          "Accueillir le public, c'est écouter et se faire comprendre : une partie de la compétence.",
        proof: "https://badges.atelier-emploi.example/assertions/preuve-7c41",
      },
      {
        source: "blason",
        badgeClassId: "05962178-a40f-4b53-8766-851ed6023ead",
        organisationId: "273ccb19-25f4-40e3-ade8-1c007a9abc94",
        target: { family: "s-adapter", level: 1, equivalence: "one_for_one" },
        justification: "Changer de poste et s'y mettre seul, c'est s'adapter.",
      },
    ],
  });

/** A registration with its dialogue. */
export const registrationDetail = registrationView.extend({
  messages: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      authorRole: z.enum(["partner", "manager"]),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});

/** The manager's decision: approve, refuse, or propose another target. */
export const decisionBody = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    motivation: text().trim().max(5000),
  }),
  z.object({
    decision: z.literal("refuse"),
    motivation: text().trim().min(3).max(5000),
  }),
  z.object({
    decision: z.literal("requalify"),
    motivation: text().trim().min(3).max(5000),
    proposal: targetInput,
  }),
]);
