/** The words of a person's export archive and of their account's deletion, in French as they read them. */

/** The LISEZMOI.txt beside the person's data in their export. */
export const exportReadme = (name: string, exportedAt: string) =>
  [
    `Export Blason de ${name}, le ${exportedAt}.`,
    "",
    "donnees.json : vos informations, vos badges et les badges de structures partenaires que Blason a reçus pour vous.",
    "badges/ : chacun de vos badges, en image PNG qui contient le badge signé (Open Badges 3.0).",
    "Ces images se vérifient sur n'importe quel vérificateur Open Badges.",
  ].join("\n");

/** Who the audit log says deleted an account: the person, no longer named. */
export const deletedAccountLabel = "compte supprimé";
