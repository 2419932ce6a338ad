import { randomUUID } from "node:crypto";
import { buildOpenBadgeCredential, generateIssuerKey, hashedIdentifier } from "@blason/openbadges";
import type { AppContext } from "../../context";
import type { EquivalenceKind } from "../../db/schema";
import { findUserByEmail } from "../auth/auth.repo";
import { findOrCreateEarner } from "../competences/competences.repo";
import { evaluateEarner } from "../competences/evaluation.service";
import { receiveBlasonBadge, receivePartnerBadge } from "../competences/ingestion.service";
import { issueCredential } from "../credentials/issuance.service";
import { issuerDid } from "../credentials/issuer.service";
import { issuerProofAddress, proveIssuer } from "../partners/issuer-proof.service";
import { createOwnBadgeIn } from "../partners/own-badges.service";
import {
  allOrganisations,
  findBadgeBySlug,
  insertApplication,
  insertParticipation,
  insertRegistration,
} from "./demo.repo";

/** Demo persons of programme 2, each at a different stage. */
export const demoEarners = [
  { email: "lea.durand@exemple.fr", name: "Léa Durand", stage: "one badge short" },
  { email: "yanis.benali@exemple.fr", name: "Yanis Benali", stage: "level I" },
  { email: "ines.moreau@exemple.fr", name: "Inès Moreau", stage: "level II" },
  { email: "thomas.leroux@exemple.fr", name: "Thomas Leroux", stage: "general badge" },
] as const;

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * Programme 2 at work: two participant partners with their own signing keys
 * (did:key, made for the demo and forgotten), badges mapped "1 pour 1" and
 * "3 pour 1", one of them also issuing a badge of its own on Blason, a third
 * partner whose Participant request waits, and persons at every stage, their
 * badges pushed and judged as a partner's system would.
 */
export async function seedDemoCompetences(ctx: AppContext) {
  const orgs = await allOrganisations(ctx.db);
  const cotentin = orgs.find((o) => o.contactEmail === "contact@competences-cotentin.example");
  const rouen = orgs.find((o) => o.contactEmail === "contact@atelier-emploi-rouen.example");
  const bessin = orgs.find((o) => o.contactEmail === "contact@mission-bessin.example");
  const manager = await findUserByEmail(ctx.db, "gestion@region-normandie.example");
  if (!cotentin || !rouen || !bessin || !manager) return;

  const platformOf = async (org: typeof cotentin) => {
    const key = await generateIssuerKey({ controller: "did:key:pending" });
    const did = `did:key:${key.publicKeyMultibase}`;
    return { org, did, key: { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` } };
  };
  const partners = [];
  for (const org of [cotentin, rouen]) {
    partners.push(await platformOf(org));
    await insertParticipation(ctx.db, {
      organisationId: org.id,
      kind: "participant",
      validFrom: monthsAgo(24),
      validUntil: monthsAgo(-12),
      decidedBy: manager.id,
    });
  }
  const [c, r] = partners as [(typeof partners)[number], (typeof partners)[number]];

  /** A badge a partner's platform issues, signed with its key. */
  const signed = async (
    badge: { partner: typeof c; iri: string; name: string },
    email: string,
    validFrom: Date,
  ) =>
    ctx.workers.sign(
      buildOpenBadgeCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: { id: badge.partner.did, name: badge.partner.org.name },
        achievement: {
          id: badge.iri,
          name: badge.name,
          description: `Badge « ${badge.name} » délivré par ${badge.partner.org.name}.`,
          criteria: { narrative: "Observé en situation de travail." },
        },
        subject: { identifier: [hashedIdentifier("emailAddress", email, randomUUID())] },
        validFrom,
      }),
      { key: badge.partner.key },
    );
  /** The partner proves its issuer as the form asks: the badge issued once to its proof address. */
  const proofOf = async (badge: { partner: typeof c; iri: string; name: string }) =>
    proveIssuer(
      ctx,
      badge.partner.org.id,
      { issuerIri: badge.partner.did, badgeClassIri: badge.iri },
      JSON.stringify(
        await signed(badge, issuerProofAddress(ctx.config, badge.partner.org.id), monthsAgo(13)),
      ),
    );

  // What each partner registered, with its proof, approved a year ago.
  const register = async (
    partner: typeof c,
    slug: string,
    name: string,
    family: string,
    level: number,
    equivalence: EquivalenceKind,
  ) => {
    const iri = `urn:uuid:${randomUUID()}`;
    await insertRegistration(ctx.db, {
      organisationId: partner.org.id,
      source: "json",
      badgeClassIri: iri,
      issuerIri: partner.did,
      issuerProof: await proofOf({ partner, iri, name }),
      name,
      description: `Badge « ${name} » de ${partner.org.name}.`,
      target: { family, level, equivalence },
      justification:
        "Le référentiel du badge couvre la compétence visée ; évaluation en situation.",
      state: "approved",
      approvedAt: monthsAgo(12),
      decidedBy: manager.id,
      createdAt: monthsAgo(13),
    });
    return { partner, iri, name, slug };
  };
  const badges = {
    planning: await register(c, "planning", "Planifier un chantier", "organiser", 1, "one_for_one"),
    delais: await register(
      c,
      "delais",
      "Tenir les délais en atelier",
      "organiser",
      2,
      "one_for_one",
    ),
    accueil: await register(
      r,
      "accueil",
      "Accueillir le public",
      "communiquer",
      1,
      "three_for_one",
    ),
    telephone: await register(
      r,
      "telephone",
      "Répondre au téléphone",
      "communiquer",
      1,
      "three_for_one",
    ),
    reunion: await register(
      r,
      "reunion",
      "Prendre la parole en réunion",
      "communiquer",
      1,
      "three_for_one",
    ),
    equipe: await register(r, "equipe", "Travailler en équipe", "s-integrer", 2, "one_for_one"),
    mobilite: await register(
      c,
      "mobilite",
      "Changer de poste en cours de mission",
      "s-adapter",
      2,
      "one_for_one",
    ),
    exposer: await register(r, "exposer", "Présenter son travail", "communiquer", 2, "one_for_one"),
  };
  // The third partner is still applying: a registration waits for the Region.
  const waiting = {
    partner: await platformOf(bessin),
    iri: `urn:uuid:${randomUUID()}`,
    name: "S'organiser dans sa recherche d'emploi",
  };
  await insertRegistration(ctx.db, {
    organisationId: bessin.id,
    source: "json",
    badgeClassIri: waiting.iri,
    issuerIri: waiting.partner.did,
    issuerProof: await proofOf(waiting),
    name: waiting.name,
    target: { family: "organiser", level: 1, equivalence: "three_for_one" },
    justification: "Badge délivré après six semaines d'accompagnement.",
  });

  const award = async (badge: (typeof badges)[keyof typeof badges], email: string, ago: number) => {
    const name = demoEarners.find((e) => e.email === email)?.name;
    await receivePartnerBadge(ctx, {
      channel: "api",
      pushedBy: { organisationId: badge.partner.org.id, apiClientId: null },
      email,
      badge: await signed(badge, email, monthsAgo(ago)),
      ...(name ? { name } : {}),
    });
  };
  const [lea, yanis, ines, thomas] = demoEarners;
  // Léa: two of the three "Communiquer" badges, one short.
  await award(badges.accueil, lea.email, 6);
  await award(badges.telephone, lea.email, 4);
  // Yanis: level I in Organiser (1 pour 1) and in Communiquer (3 pour 1).
  await award(badges.planning, yanis.email, 8);
  for (const b of [badges.accueil, badges.telephone, badges.reunion])
    await award(b, yanis.email, 5);
  // Inès: level II in Organiser.
  await award(badges.delais, ines.email, 3);
  // Thomas: level II in three competences, hence the general badge.
  for (const b of [badges.delais, badges.equipe, badges.mobilite]) await award(b, thomas.email, 2);
  // A badge issued before its registration was approved: recorded, never counted.
  await award(badges.exposer, thomas.email, 14);

  // The two participants hold their Participant badge, granted two years ago.
  const participant = await findBadgeBySlug(ctx.db, "participant");
  if (participant)
    for (const org of [cotentin, rouen])
      await issueCredential(ctx, {
        grantKey: `demo-participant:${org.id}`,
        badgeClassId: participant.id,
        subjectOrgId: org.id,
        validFrom: monthsAgo(24),
      });

  // The Rouen workshop also issues a badge of its own on Blason, mapped and
  // approved three months ago: Inès received it last month (the Blason channel).
  const own = await createOwnBadgeIn(ctx.db, rouen, {
    name: "S'adapter à un nouveau poste",
    recognises:
      "La personne prend un poste qu'elle ne connaissait pas à l'atelier et s'y met en quelques jours.",
    criteria: [
      { statement: "A changé de poste au moins une fois pendant son parcours.", evidence: [] },
      {
        statement: "Son tuteur a constaté qu'elle y travaillait seule au bout d'une semaine.",
        evidence: [],
      },
    ],
    validityMonths: 36,
    color: "#1d6b3a",
  });
  await insertRegistration(ctx.db, {
    organisationId: rouen.id,
    source: "blason",
    badgeClassIri: `${ctx.config.publicUrl}/badges/${own.id}`,
    issuerIri: issuerDid(ctx.config, rouen.slug),
    issuerProof: { kind: "blason" },
    name: own.name,
    description: own.recognises,
    target: { family: "s-adapter", level: 1, equivalence: "one_for_one" },
    justification: "Changer de poste et s'y mettre seul, c'est s'adapter à un autre environnement.",
    state: "approved",
    approvedAt: monthsAgo(3),
    decidedBy: manager.id,
    createdAt: monthsAgo(4),
  });
  const inesUser = await findOrCreateEarner(ctx.db, ines.email, ines.name);
  const { credential } = await issueCredential(ctx, {
    grantKey: `own:${own.id}:${ines.email}`,
    badgeClassId: own.id,
    subjectUserId: inesUser.id,
    issuerOrgId: rouen.id,
    validFrom: monthsAgo(1),
  });
  await receiveBlasonBadge(ctx, credential.id);

  // The third partner asks to take part: its Participant request waits for the Region.
  if (participant) {
    const answers = [
      "Mission locale de 35 salariés qui accompagne les 16-25 ans du Bessin vers l'emploi et la formation.",
      "Antennes à Bayeux et Isigny-sur-Mer ; permanences dans huit communes du Bessin.",
      "Deux conseillers observent la compétence en atelier ou en stage ; la preuve est gardée au dossier du jeune.",
      "Badger les compétences transversales que les jeunes montrent en stage, pour les faire valoir auprès des employeurs.",
      "Notre badge « S'organiser dans sa recherche d'emploi », délivré depuis 2024.",
      "Nous acceptons les engagements de la démarche.",
    ];
    await insertApplication(ctx.db, {
      organisationId: bessin.id,
      badgeClassId: participant.id,
      state: "submitted",
      answers: Object.fromEntries(answers.map((answer, i) => [String(i), { answer, links: [] }])),
      submittedAt: monthsAgo(0),
    });
  }

  for (const person of demoEarners) {
    const user = await findUserByEmail(ctx.db, person.email);
    if (user) await evaluateEarner(ctx, user.id);
  }
}
