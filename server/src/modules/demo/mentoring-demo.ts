import type { AppContext } from "../../context";
import { insertMessage } from "../dialogue/dialogue.repo";
import { insertPairing, updateSharing } from "../mentoring/mentoring.repo";
import { defaultEnd } from "../mentoring/mentoring.rules";
import { threadAuthor } from "../mentoring/mentoring.text";
import { allOrganisations, allUsers } from "./demo.repo";

/**
 * A mentoring pair: the Rouen CFA (applications in progress) mentored by
 * the maritime CFA, which holds the label. Rouen shares its progress, not
 * its drafts; the mentor has written first.
 */
export async function seedDemoMentoring(ctx: AppContext) {
  const orgs = await allOrganisations(ctx.db);
  const users = await allUsers(ctx.db);
  const rouen = orgs.find((o) => o.contactEmail === "contact@cfa-industrie-rouen.example");
  const maritime = orgs.find((o) => o.contactEmail === "contact@cfa-maritime-cotentin.example");
  const mentor = users.find((u) => u.email === "direction@cfa-maritime-cotentin.example");
  if (!rouen || !maritime || !mentor) return;
  const startsAt = new Date(Date.now() - 60 * 86_400_000);
  await ctx.db.transaction(async (tx) => {
    const pairing = await insertPairing(tx, {
      menteeId: rouen.id,
      mentorId: maritime.id,
      startsAt,
      endsAt: defaultEnd(startsAt),
    });
    await updateSharing(tx, pairing.id, { shareProgress: true, shareDrafts: false });
    await insertMessage(
      tx,
      { kind: "mentoring", id: pairing.id },
      {
        authorId: mentor.id,
        authorName: threadAuthor(mentor.name, maritime.name),
        authorRole: "mentor",
        body: "Bonjour ! J'ai regardé votre progression : commençons par les badges obligatoires qui vous manquent. Quand pouvons-nous en parler ?",
      },
    );
  });
}
