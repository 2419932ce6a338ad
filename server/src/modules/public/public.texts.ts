/** The CSV of the programme's figures, in French as French spreadsheets read it. */
export const figureTexts = {
  header: ["indicateur", "détail", "valeur"],
  perYear: "badges délivrés par année",
  perBadge: "badges délivrés par badge",
  engaged: ["organisations engagées", "CFA ayant envoyé une demande ou obtenu un badge"],
  laureates: ["lauréats", "CFA détenant le label"],
} as const;
