import type { MemberRole, OrgKind, PlatformRole } from "../../db/schema";

/** The demo's organisations and accounts, data only (the same every time the demo starts). */
export type DemoOrg = {
  key: string;
  name: string;
  kind: OrgKind;
  parent?: string;
  city: string;
  email: string;
  siret?: number;
  uai?: number;
};
export type DemoUser = {
  email: string;
  name: string;
  roles: PlatformRole[];
  org?: string;
  orgRole?: MemberRole;
  label: string;
};

export const demoOrganisations: DemoOrg[] = [
  {
    key: "region",
    name: "Région Normandie",
    kind: "region",
    city: "Caen",
    email: "badges@region-normandie.example",
    siret: 1,
  },
  {
    key: "caen",
    name: "CFA des Métiers du Calvados",
    kind: "cfa",
    city: "Caen",
    email: "contact@cfa-calvados.example",
    siret: 2,
    uai: 11,
  },
  {
    key: "lisieux",
    name: "UFA de Lisieux",
    kind: "ufa",
    parent: "caen",
    city: "Lisieux",
    email: "lisieux@cfa-calvados.example",
    uai: 12,
  },
  {
    key: "vire",
    name: "UFA de Vire",
    kind: "ufa",
    parent: "caen",
    city: "Vire Normandie",
    email: "vire@cfa-calvados.example",
    uai: 13,
  },
  {
    key: "rouen",
    name: "CFA de l'Industrie de Rouen",
    kind: "cfa",
    city: "Rouen",
    email: "contact@cfa-industrie-rouen.example",
    siret: 3,
    uai: 21,
  },
  {
    key: "auge",
    name: "CFA du Pays d'Auge",
    kind: "cfa",
    city: "Pont-l'Évêque",
    email: "contact@cfa-pays-auge.example",
    siret: 5,
    uai: 31,
  },
  {
    key: "maritime",
    name: "CFA Maritime du Cotentin",
    kind: "cfa",
    city: "Cherbourg-en-Cotentin",
    email: "contact@cfa-maritime-cotentin.example",
    siret: 6,
    uai: 41,
  },
  {
    key: "atelier-rouen",
    name: "Atelier Emploi Rouen",
    kind: "partner",
    city: "Rouen",
    email: "contact@atelier-emploi-rouen.example",
    siret: 7,
  },
  {
    key: "bessin",
    name: "Mission Locale du Bessin",
    kind: "partner",
    city: "Bayeux",
    email: "contact@mission-bessin.example",
    siret: 8,
  },
  {
    key: "partner",
    name: "Association Compétences Cotentin",
    kind: "partner",
    city: "Cherbourg-en-Cotentin",
    email: "contact@competences-cotentin.example",
    siret: 4,
  },
];

export const demoUsers: DemoUser[] = [
  {
    email: "admin@blason.example",
    name: "Camille Admin",
    roles: ["platform_admin"],
    label: "administration de la plateforme",
  },
  {
    email: "gestion@region-normandie.example",
    name: "Nadia Lefèvre",
    roles: ["programme_manager"],
    org: "region",
    orgRole: "admin",
    label: "gestionnaire de programme (Région)",
  },
  {
    email: "pair@cfa-industrie-rouen.example",
    name: "Hugo Martin",
    roles: ["reviewer"],
    org: "rouen",
    orgRole: "member",
    label: "membre du groupe des pairs",
  },
  {
    email: "pair@region-normandie.example",
    name: "Claire Petit",
    roles: ["reviewer"],
    org: "region",
    orgRole: "member",
    label: "membre du groupe des pairs (Région)",
  },
  {
    email: "evaluation@cfa-calvados.example",
    name: "Marc Leroy",
    roles: ["reviewer"],
    org: "caen",
    orgRole: "member",
    label: "membre du groupe des pairs, salarié du CFA du Calvados",
  },
  {
    email: "direction@cfa-calvados.example",
    name: "Sophie Durand",
    roles: [],
    org: "caen",
    orgRole: "admin",
    label: "administratrice du CFA des Métiers du Calvados",
  },
  {
    email: "qualite@cfa-calvados.example",
    name: "Julien Morel",
    roles: [],
    org: "caen",
    orgRole: "member",
    label: "membre du CFA des Métiers du Calvados",
  },
  {
    email: "contact@cfa-industrie-rouen.example",
    name: "Élodie Bernard",
    roles: [],
    org: "rouen",
    orgRole: "admin",
    label: "administratrice du CFA de l'Industrie de Rouen",
  },
  {
    email: "direction@cfa-maritime-cotentin.example",
    name: "Léa Marchand",
    roles: [],
    org: "maritime",
    orgRole: "admin",
    label: "administratrice d'un CFA labellisé (CFA Maritime du Cotentin)",
  },
  {
    email: "partenaire@competences-cotentin.example",
    name: "Karim Haddad",
    roles: [],
    org: "partner",
    orgRole: "admin",
    label: "structure partenaire",
  },
  {
    email: "direction@atelier-emploi-rouen.example",
    name: "Julien Lebrun",
    roles: [],
    org: "atelier-rouen",
    orgRole: "admin",
    label: "structure partenaire qui délivre ses badges sur Blason (Atelier Emploi Rouen)",
  },
  {
    email: "direction@mission-bessin.example",
    name: "Sophie Marie",
    roles: [],
    org: "bessin",
    orgRole: "admin",
    label: "structure partenaire qui demande à participer (Mission Locale du Bessin)",
  },
];
