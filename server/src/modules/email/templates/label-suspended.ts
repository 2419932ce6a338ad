import type { Template } from "../layout";

export type LabelSuspendedParams = {
  organisation: string;
  missingRequired: string[];
  lapsed: string[];
  shortfall: number;
  url: string;
};

const toRenew = (t: LabelSuspendedParams) => [...new Set([...t.missingRequired, ...t.lapsed])];

export const labelSuspended: Template<LabelSuspendedParams> = {
  fr: (t) => {
    const renew = toRenew(t);
    return {
      subject: "Label suspendu : des badges sont à renouveler",
      intro: [
        `Le label CFA Innovant et Durable de ${t.organisation} est suspendu : sa collection ne remplit plus la règle depuis qu'un badge a expiré ou a été retiré.`,
        renew.length
          ? `À renouveler : ${renew.join(", ")}.`
          : `Il manque ${t.shortfall} badge(s) valide(s).`,
        ...(t.missingRequired.length
          ? [`Obligatoire(s) manquant(s) : ${t.missingRequired.join(", ")}.`]
          : []),
        "Le label est rétabli automatiquement dès que la règle est de nouveau remplie : rien d'autre à demander.",
      ],
      action: { label: "Voir ce qui manque", url: t.url },
      outro: [
        "Tant qu'il est suspendu, le label apparaît comme tel à toute personne qui le vérifie.",
      ],
    };
  },
  en: (t) => {
    const renew = toRenew(t);
    return {
      subject: "Label suspended: badges to renew",
      intro: [
        `${t.organisation}'s Innovative and Sustainable CFA label is suspended: its collection no longer meets the rule since a badge expired or was withdrawn.`,
        renew.length ? `To renew: ${renew.join(", ")}.` : `${t.shortfall} valid badge(s) missing.`,
        ...(t.missingRequired.length
          ? [`Missing required badge(s): ${t.missingRequired.join(", ")}.`]
          : []),
        "The label is restored automatically as soon as the rule holds again: nothing else to request.",
      ],
      action: { label: "See what is missing", url: t.url },
      outro: ["While suspended, the label shows as such to anyone who verifies it."],
    };
  },
};
