import type { Template } from "../layout";

export type LabelRequestedParams = {
  organisation: string;
  kind: "first" | "renewal";
  count: number;
  url: string;
};

export const labelRequested: Template<LabelRequestedParams> = {
  fr: (t) => ({
    subject: `Demande de label : ${t.organisation}`,
    intro: [
      `${t.organisation} demande ${t.kind === "renewal" ? "le renouvellement du" : "le"} label CFA Innovant et Durable.`,
      `La vérification automatique a compté ${t.count} badges valides et trouvé la règle remplie. Il reste à confirmer la demande, ou à la refuser en expliquant pourquoi.`,
    ],
    action: { label: "Voir les demandes de label", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `Label request: ${t.organisation}`,
    intro: [
      `${t.organisation} asks for ${t.kind === "renewal" ? "the renewal of" : ""} the Innovative and Sustainable CFA label.`,
      `The automatic check counted ${t.count} valid badges and found the rule met. The request waits for your confirmation, or a refusal with its reasons.`,
    ],
    action: { label: "See the label requests", url: t.url },
    outro: [],
  }),
};
