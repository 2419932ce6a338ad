/** How a role reads in an invitation. */
export const roleNames = {
  fr: {
    member: "membre",
    admin: "administrateur ou administratrice",
    programme_manager: "gestionnaire de programme",
    reviewer: "membre du groupe des pairs (instruction)",
    platform_admin: "administrateur ou administratrice de la plateforme",
  },
  en: {
    member: "member",
    admin: "administrator",
    programme_manager: "programme manager",
    reviewer: "peer reviewer",
    platform_admin: "platform administrator",
  },
} as const;

export type RoleName = keyof (typeof roleNames)["fr"];
