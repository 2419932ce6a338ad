import type { Template } from "../layout";

export type RegistrationDecidedParams = {
  organisation: string;
  badge: string;
  outcome:
    | "approved"
    | "refused"
    | "requalification_proposed"
    | "proposal_accepted"
    | "proposal_refused";
  note: string;
  url: string;
};

export const registrationDecided: Template<RegistrationDecidedParams> = {
  fr: (t) => ({
    subject: `${
      {
        approved: "Badge validé",
        refused: "Badge non retenu",
        requalification_proposed: "Requalification proposée",
        proposal_accepted: "Requalification acceptée",
        proposal_refused: "Requalification refusée",
      }[t.outcome]
    } : ${t.badge}`,
    intro: [
      ...{
        approved: [
          `La Région a validé la correspondance du badge « ${t.badge} » de ${t.organisation}.`,
          "À partir d'aujourd'hui, ce badge compte pour les badges régionaux des personnes qui le reçoivent (pas de rétroactivité).",
        ],
        refused: [`La Région n'a pas retenu le badge « ${t.badge} » de ${t.organisation}.`],
        requalification_proposed: [
          `La Région propose de requalifier le badge « ${t.badge} » de ${t.organisation}.`,
          "Vous pouvez accepter la proposition (le badge est alors validé) ou la refuser.",
        ],
        proposal_accepted: [
          `${t.organisation} accepte la requalification de son badge « ${t.badge} » : il est validé.`,
        ],
        proposal_refused: [
          `${t.organisation} refuse la requalification de son badge « ${t.badge} » : le dépôt vous revient.`,
        ],
      }[t.outcome],
      ...(t.note ? [`Motif : ${t.note}`] : []),
    ],
    action: { label: "Voir le dépôt", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `${
      {
        approved: "Badge approved",
        refused: "Badge not accepted",
        requalification_proposed: "Requalification proposed",
        proposal_accepted: "Requalification accepted",
        proposal_refused: "Requalification refused",
      }[t.outcome]
    }: ${t.badge}`,
    intro: [
      ...{
        approved: [
          `The Region approved the mapping of ${t.organisation}'s badge "${t.badge}".`,
          "From today, this badge counts towards the regional badges of the people who receive it (not retroactively).",
        ],
        refused: [`The Region did not accept ${t.organisation}'s badge "${t.badge}".`],
        requalification_proposed: [
          `The Region proposes to requalify ${t.organisation}'s badge "${t.badge}".`,
          "You can accept the proposal (the badge is then approved) or refuse it.",
        ],
        proposal_accepted: [
          `${t.organisation} accepts the requalification of its badge "${t.badge}": it is approved.`,
        ],
        proposal_refused: [
          `${t.organisation} refuses the requalification of its badge "${t.badge}": the registration is back with you.`,
        ],
      }[t.outcome],
      ...(t.note ? [`Reason: ${t.note}`] : []),
    ],
    action: { label: "See the registration", url: t.url },
    outro: [],
  }),
};
