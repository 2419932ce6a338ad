/** What wallets show of the issuer and of the badge configuration, in French and English. */
export const walletDisplay = {
  issuer: [
    { name: "Blason", locale: "fr", description: "Badges ouverts de la Région" },
    { name: "Blason", locale: "en", description: "The Region's open badges" },
  ],
  credential: [
    { name: "Badge ouvert (Open Badges 3.0)", locale: "fr" },
    { name: "Open Badge (Open Badges 3.0)", locale: "en" },
  ],
};
