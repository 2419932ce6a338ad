/**
 * The header's links, as data: who sees each one and where it sits (in the
 * row, or in the "Gestion" menu that keeps a manager's header on one row).
 * Add a link with one line here.
 */
export type NavAudience =
  | "everyone"
  | "visitor"
  | "signedIn"
  | "cfa"
  | "manager"
  | "staff"
  | "admin";
export type NavItem = {
  to: string;
  /** An i18n key. */
  label: string;
  audience: NavAudience;
  group: "main" | "manage";
};

export const navItems: readonly NavItem[] = [
  { to: "/programmes/label-cfa", label: "nav.label", audience: "everyone", group: "main" },
  { to: "/programmes/competences", label: "nav.competences", audience: "everyone", group: "main" },
  { to: "/verify", label: "verifier.nav", audience: "everyone", group: "main" },
  { to: "/", label: "layout.home", audience: "visitor", group: "main" },
  { to: "/accueil", label: "layout.dashboard", audience: "signedIn", group: "main" },
  { to: "/demandes", label: "applications.nav", audience: "signedIn", group: "main" },
  { to: "/organisations", label: "layout.organisations", audience: "signedIn", group: "main" },
  { to: "/parrainage", label: "mentoring.nav", audience: "cfa", group: "main" },
  { to: "/conseil", label: "support.nav", audience: "cfa", group: "main" },
  { to: "/compte", label: "layout.account", audience: "signedIn", group: "main" },
  { to: "/gestion/labels", label: "label.requests.title", audience: "manager", group: "manage" },
  { to: "/gestion/partenaires", label: "partnerAdmin.title", audience: "manager", group: "manage" },
  { to: "/gestion/catalogue", label: "catalogueAdmin.title", audience: "manager", group: "manage" },
  { to: "/gestion/badges-delivres", label: "issued.title", audience: "manager", group: "manage" },
  { to: "/parrainage", label: "mentoring.nav", audience: "manager", group: "manage" },
  { to: "/conseil", label: "support.nav", audience: "manager", group: "manage" },
  { to: "/approbations", label: "endorsements.nav", audience: "manager", group: "manage" },
  { to: "/admin/journal", label: "layout.audit", audience: "staff", group: "manage" },
  { to: "/admin/utilisateurs", label: "layout.users", audience: "admin", group: "manage" },
];

export type Viewer = {
  signedIn: boolean;
  /** A member of a CFA's staff who is not a manager (a manager finds the same pages under "Gestion"). */
  cfa: boolean;
  manager: boolean;
  admin: boolean;
};

export function visibleTo(item: NavItem, viewer: Viewer): boolean {
  switch (item.audience) {
    case "everyone":
      return true;
    case "visitor":
      return !viewer.signedIn;
    case "signedIn":
      return viewer.signedIn;
    case "cfa":
      return viewer.cfa && !viewer.manager;
    case "manager":
      return viewer.manager;
    case "staff":
      return viewer.manager || viewer.admin;
    case "admin":
      return viewer.admin;
  }
}
