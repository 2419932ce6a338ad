import type { AppContext } from "../../context";
import { findUserByEmail } from "../auth/auth.repo";
import { findOrganisationBySlug } from "../organisations/organisations.repo";
import { slugify } from "../organisations/organisations.service";
import { insertSupportMessage, insertSupportRequest, upsertAdviser } from "../support/support.repo";

/**
 * The peer CFA of Rouen advises on the accueil and tutorat badges; the CFA of
 * the Calvados has asked it for help and got a first answer: an open request.
 */
export async function seedDemoSupport(ctx: AppContext) {
  const rouen = await findOrganisationBySlug(ctx.db, slugify("CFA de l'Industrie de Rouen"));
  const caen = await findOrganisationBySlug(ctx.db, slugify("CFA des Métiers du Calvados"));
  const asker = await findUserByEmail(ctx.db, "direction@cfa-calvados.example");
  const adviser = await findUserByEmail(ctx.db, "pair@cfa-industrie-rouen.example");
  if (!rouen || !caen || !asker || !adviser) return;
  await ctx.db.transaction(async (tx) => {
    await upsertAdviser(tx, {
      organisationId: rouen.id,
      badges: ["accueil-integration", "tutorat"],
      themes: ["handicap", "mobilite"],
      capacity: 3,
      active: true,
    });
    const request = await insertSupportRequest(tx, {
      organisationId: caen.id,
      authorId: asker.id,
      adviserOrganisationId: rouen.id,
      badges: ["tutorat"],
      themes: [],
      question:
        "Nous préparons le badge tutorat : quelles preuves le jury attend-il pour la formation des maîtres d'apprentissage ?",
      state: "open",
      assignedAt: new Date(),
    });
    await insertSupportMessage(tx, {
      requestId: request.id,
      authorId: asker.id,
      authorName: `${asker.name} (${caen.name})`,
      authorRole: "asker",
      body: "Nous avons surtout des feuilles d'émargement : est-ce suffisant ?",
    });
  });
}
