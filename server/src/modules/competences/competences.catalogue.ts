import type { Criterion } from "../catalogue/catalogue.types";

/**
 * The regional badges of "La Normandie badge les compétences": four
 * competences at two levels (I "Je pratique", II "Je maîtrise") and the
 * general badge. The rules are data (see RegionalRule): a manager adds a
 * family, a level or an aggregate as rows, not code. Texts are ours.
 */
export type RegionalBadge = {
  slug: string;
  name: string;
  recognises: string;
  criteria: Criterion[];
  color: string;
  validityMonths: number;
  rule: RuleData;
};

/** A regional rule as stored with its badge (the badge id is the row's own). */
export type RuleData =
  | { kind: "level"; family: string; level: number }
  | { kind: "aggregate"; level: number; distinctFamilies: number }
  | { kind: "participation"; participation: "participant" | "ambassador" };

const families = [
  {
    slug: "organiser",
    name: "Organiser",
    color: "#1f3a8a",
    what: "organiser son activité : prévoir les étapes, gérer son temps et ses priorités, tenir ses engagements",
  },
  {
    slug: "s-adapter",
    name: "S'adapter",
    color: "#1d6b3a",
    what: "faire face au changement : une consigne nouvelle, un imprévu, un autre environnement de travail",
  },
  {
    slug: "communiquer",
    name: "Communiquer",
    color: "#5b2a86",
    what: "échanger avec les autres : écouter, se faire comprendre, transmettre une information utile",
  },
  {
    slug: "s-integrer",
    name: "S'intégrer",
    color: "#8a3a00",
    what: "trouver sa place dans un collectif : en respecter les règles, coopérer, contribuer au groupe",
  },
];

const levels = [
  {
    level: 1,
    label: "niveau I — Je pratique",
    how: "La personne le fait dans des situations habituelles, avec un appui si besoin.",
  },
  {
    level: 2,
    label: "niveau II — Je maîtrise",
    how: "La personne le fait seule, dans des situations variées, et sait expliquer comment elle s'y prend.",
  },
];

const THREE_YEARS = 36;

export const regionalBadges: RegionalBadge[] = [
  ...families.flatMap((family) =>
    levels.map((l) => ({
      slug: `${family.slug}-${l.level}`,
      name: `${family.name}, ${l.label}`,
      recognises: `La Région reconnaît la capacité à ${family.what}. ${l.how}`,
      criteria: [
        {
          statement: `Des badges de structures partenaires attestent cette compétence au ${l.label.split(" — ")[0]} : un badge reconnu « 1 pour 1 », ou trois badges différents reconnus « 3 pour 1 ».`,
          evidence: ["Les badges des structures partenaires, vérifiés par Blason"],
        },
      ],
      color: family.color,
      validityMonths: THREE_YEARS,
      rule: { kind: "level" as const, family: family.slug, level: l.level },
    })),
  ),
  {
    slug: "badge-general",
    name: "Badge général des compétences",
    recognises:
      "La Région reconnaît une personne qui maîtrise au moins trois des quatre compétences : organiser, s'adapter, communiquer, s'intégrer.",
    criteria: [
      {
        statement:
          "Le niveau II (Je maîtrise) dans au moins trois compétences différentes ; deux niveaux d'une même compétence ne comptent qu'une fois.",
        evidence: ["Les badges régionaux de niveau II"],
      },
    ],
    color: "#8a5a00",
    validityMonths: THREE_YEARS,
    rule: { kind: "aggregate", level: 2, distinctFamilies: 3 },
  },
];

/**
 * The badges a partner organisation requests to take part: granted by a
 * manager after a dialogue, valid three years, held by the organisation.
 */
export const onboardingBadges: RegionalBadge[] = [
  {
    slug: "participant",
    name: "Participant — La Normandie badge les compétences",
    recognises:
      "La Région reconnaît une structure qui délivre des badges de compétences avec sérieux et s'engage dans la démarche régionale : ses badges peuvent valoir aux personnes des badges de la Région.",
    criteria: [
      {
        statement:
          "Présenter la structure : sa taille, son objet, son activité dans l'insertion, l'emploi ou la formation au sens large.",
        evidence: ["Une présentation de la structure"],
      },
      {
        statement:
          "Montrer son lien avec la Normandie : un établissement sur le territoire ou une action auprès d'un public normand.",
        evidence: ["Les lieux d'implantation ou d'intervention"],
      },
      {
        statement:
          "Décrire comment les badges sont attribués : qui observe, sur quelles preuves, avec quelles garanties de fiabilité et de sécurité.",
        evidence: ["Le processus d'attribution"],
      },
      {
        statement: "Exposer la stratégie de la structure en matière de badges.",
        evidence: ["La stratégie, même brève"],
      },
      {
        statement:
          "Citer au moins un badge de compétences créé ou délivré par la structure dans l'une des quatre compétences régionales.",
        evidence: ["L'adresse ou le nom du badge"],
      },
      {
        statement:
          "Accepter les engagements : ne délivrer un badge que sur des acquis réels de la personne, et informer le public des badges délivrés par la Région.",
        evidence: ["L'acceptation des engagements"],
      },
    ],
    color: "#0b5c6b",
    validityMonths: THREE_YEARS,
    rule: { kind: "participation", participation: "participant" },
  },
  {
    slug: "ambassadeur",
    name: "Ambassadeur — La Normandie badge les compétences",
    recognises:
      "La Région reconnaît une structure participante qui prend un rôle actif dans la démarche : elle la fait connaître, accompagne d'autres structures et partage son expérience.",
    criteria: [
      {
        statement:
          "Décrire le rôle actif envisagé : faire connaître la démarche, accompagner d'autres structures, partager son expérience des badges.",
        evidence: ["Les actions prévues"],
      },
      {
        statement: "Indiquer les moyens que la structure y consacre (personnes, temps, occasions).",
        evidence: ["Les moyens"],
      },
    ],
    color: "#6b2b0b",
    validityMonths: THREE_YEARS,
    rule: { kind: "participation", participation: "ambassador" },
  },
];

export const competencesProgramme = {
  slug: "competences",
  name: "La Normandie badge les compétences",
  description:
    "Des badges régionaux délivrés automatiquement aux personnes qui ont obtenu des badges auprès des structures partenaires : organismes de formation, structures d'insertion, employeurs.",
};

/** The name of the regional badges' collection. */
export const competencesCollectionName = "Badges régionaux des compétences";
