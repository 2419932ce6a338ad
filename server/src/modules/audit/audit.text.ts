/**
 * The audit log in words: one sentence per action, French and English, made
 * from what the row kept (badge, organisation, name...). The codes stay in
 * the API; an action without a sentence here is shown by its code.
 */
type Data = Record<string, unknown>;
type Sentence = { fr: string; en: string };

const str = (d: Data, key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
/** "Veille, à CFA du Calvados" when both are known, else whichever is. */
const badgeTo = (d: Data, fr: string, en: string) => {
  const badge = str(d, "badge");
  const org = str(d, "organisation");
  const join = (to: string) => [badge, org ? `${to} ${org}` : ""].filter(Boolean).join(", ");
  return { fr: `${fr} : ${join("à")}`, en: `${en}: ${join("to")}` };
};
const ofOrg = (d: Data, fr: string, en: string) => {
  const org = str(d, "organisation") || str(d, "name");
  return { fr: org ? `${fr} : ${org}` : fr, en: org ? `${en}: ${org}` : en };
};
const named = (d: Data, fr: string, en: string, key = "badge") => {
  const name = str(d, key);
  return { fr: name ? `${fr} : ${name}` : fr, en: name ? `${en}: ${name}` : en };
};

const sentences: Record<string, (d: Data) => Sentence> = {
  "credential.issued": (d) => badgeTo(d, "Badge délivré", "Badge issued"),
  "credential.revoked": (d) => badgeTo(d, "Badge révoqué", "Badge revoked"),
  "application.created": (d) => badgeTo(d, "Demande ouverte", "Application opened"),
  "application.submitted": (d) => badgeTo(d, "Demande déposée", "Application submitted"),
  "application.withdrawn": (d) => badgeTo(d, "Demande retirée", "Application withdrawn"),
  "application.granted": (d) => badgeTo(d, "Demande accordée", "Application granted"),
  "application.refused": (d) => badgeTo(d, "Demande refusée", "Application refused"),
  "application.revision_requested": (d) => badgeTo(d, "Révision demandée", "Revision requested"),
  "application.reviewers_assigned": () => ({
    fr: "Relecteurs désignés pour une demande",
    en: "Reviewers assigned to an application",
  }),
  "review.submitted": () => ({ fr: "Avis de relecture rendu", en: "Review handed in" }),
  "review.recused": () => ({ fr: "Un relecteur s'est déporté", en: "A reviewer stepped aside" }),
  "review.reopened": () => ({ fr: "Avis de relecture rouvert", en: "Review reopened" }),
  "label.requested": (d) => ofOrg(d, "Label demandé", "Label requested"),
  "label.withdrawn": (d) => ofOrg(d, "Demande de label retirée", "Label request withdrawn"),
  "label.confirmed": (d) => ofOrg(d, "Label confirmé", "Label confirmed"),
  "label.refused": (d) => ofOrg(d, "Label refusé", "Label refused"),
  "label.suspended": (d) => ofOrg(d, "Label suspendu", "Label suspended"),
  "label.restored": (d) => ofOrg(d, "Label rétabli", "Label restored"),
  "organisation.created": (d) => ofOrg(d, "Organisation créée", "Organisation created"),
  "organisation.updated": (d) => ofOrg(d, "Organisation modifiée", "Organisation updated"),
  "registration.submitted": (d) =>
    badgeTo(d, "Inscription de partenaire déposée", "Partner registration submitted"),
  "collection.published": (d) => ({
    fr: `Collection publiée (version ${String(d.version ?? "")})`,
    en: `Collection published (version ${String(d.version ?? "")})`,
  }),
  "user.invited": (d) => named(d, "Membre de l'équipe invité", "Staff member invited", "email"),
  "user.roles_changed": (d) => named(d, "Rôles modifiés", "Roles changed", "email"),
  "idea.proposed": (d) => named(d, "Idée de badge proposée", "Badge idea proposed", "title"),
};

/** The row in words, or null when its action has no sentence yet. */
export function auditSentence(action: string, data: Data): Sentence | null {
  return sentences[action]?.(data) ?? null;
}
