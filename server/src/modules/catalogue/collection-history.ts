import type { CatalogueBadge, Collection } from "./catalogue.types";

/**
 * The label's earlier collections, kept as history: their awards still count
 * through the equivalences managers declare, and their pages stay readable.
 * Counts, rules and validities come from the programme's sources (2018: 12
 * badges valid one to three years; 2022: 22 badges, ten of them including the
 * five required give the label). Where the sources do not name a badge, its
 * title is a reconstruction consistent with the collection that followed;
 * every text is ours.
 */

type Row = [
  slug: string,
  name: string,
  required: boolean,
  validityMonths: number,
  recognises: string,
  criteria: [statement: string, evidence: string][],
];

const BLUE = "#1f3a8a";
const GREEN = "#1d6b3a";
const PLUM = "#5b2a86";

function badges(rows: Row[], optionalColor: string): CatalogueBadge[] {
  return rows.map(([slug, name, required, validityMonths, recognises, criteria]) => ({
    slug,
    name,
    recognises,
    criteria: criteria.map(([statement, evidence]) => ({ statement, evidence: [evidence] })),
    required,
    validityMonths,
    alignments: [],
    color: required ? BLUE : optionalColor,
  }));
}

const rows2018: Row[] = [
  [
    "veille-numerique",
    "Veille numérique",
    true,
    24,
    "Le CFA suit les usages numériques de ses métiers et en tire des idées pour ses formations.",
    [
      [
        "Une veille sur le numérique est tenue et partagée.",
        "Exemples de notes de veille diffusées",
      ],
    ],
  ],
  [
    "competences-numeriques-formateurs",
    "Compétences numériques des formateurs",
    true,
    24,
    "Les formateurs du CFA sont formés aux outils numériques qu'ils utilisent avec les apprentis.",
    [
      [
        "Un plan de formation des formateurs au numérique existe.",
        "Plan de formation et liste des sessions suivies",
      ],
    ],
  ],
  [
    "plan-numerique",
    "Plan numérique du CFA",
    true,
    36,
    "Le CFA a un plan écrit pour faire entrer le numérique dans ses formations, avec des étapes datées.",
    [
      [
        "Le plan fixe des objectifs, des moyens et des échéances.",
        "Le plan numérique validé par la direction",
      ],
    ],
  ],
  [
    "formation-a-distance",
    "Formation à distance",
    true,
    24,
    "Une partie des formations se suit à distance, avec un accompagnement prévu.",
    [
      [
        "Au moins une formation comporte des séquences à distance encadrées.",
        "Programme d'une formation et traces d'accompagnement",
      ],
    ],
  ],
  [
    "liaison-numerique-entreprise",
    "Liaison numérique avec l'entreprise",
    true,
    24,
    "Le CFA et les maîtres d'apprentissage échangent par un outil numérique commun.",
    [
      [
        "Un outil de liaison est utilisé par les formateurs et les entreprises.",
        "Captures de l'outil et exemples d'échanges",
      ],
    ],
  ],
  [
    "environnement-numerique",
    "Environnement numérique de travail",
    false,
    36,
    "Apprentis et formateurs disposent d'un espace numérique pour les cours, les documents et les échanges.",
    [
      [
        "L'espace est ouvert à tous les apprentis et utilisé en formation.",
        "Statistiques d'usage et exemples de cours en ligne",
      ],
    ],
  ],
  [
    "ressources-numeriques",
    "Ressources numériques",
    false,
    24,
    "Le CFA produit ou choisit des ressources numériques et les met à disposition.",
    [
      [
        "Des ressources numériques sont produites ou sélectionnées et classées.",
        "Catalogue des ressources",
      ],
    ],
  ],
  [
    "equipements-numeriques",
    "Équipements numériques",
    false,
    12,
    "Les salles et ateliers sont équipés pour enseigner avec le numérique.",
    [["L'équipement est inventorié et entretenu.", "Inventaire des équipements"]],
  ],
  [
    "communication-digitale",
    "Communication digitale",
    false,
    12,
    "Le CFA présente ses formations et la vie de l'établissement sur ses canaux numériques.",
    [
      [
        "Des publications régulières présentent les formations.",
        "Liens vers le site et les réseaux du CFA",
      ],
    ],
  ],
  [
    "evaluation-numerique",
    "Évaluation numérique",
    false,
    24,
    "Des évaluations se font avec des outils numériques qui donnent un retour rapide aux apprentis.",
    [
      [
        "Des évaluations numériques sont utilisées et analysées.",
        "Exemples d'évaluations et de retours",
      ],
    ],
  ],
  [
    "accompagnement-numerique-apprentis",
    "Accompagnement numérique des apprentis",
    false,
    24,
    "Les apprentis éloignés du numérique sont repérés et aidés.",
    [["Un repérage et une aide sont organisés.", "Outil de repérage et bilan des aides"]],
  ],
  [
    "partage-pratiques",
    "Partage de pratiques numériques",
    false,
    12,
    "Le CFA partage ses pratiques numériques avec d'autres CFA.",
    [
      [
        "Une pratique a été présentée ou partagée hors du CFA.",
        "Support de présentation ou ressource partagée",
      ],
    ],
  ],
];

const THREE_YEARS = 36;
const rows2022: Row[] = [
  [
    "veille",
    "Veille",
    true,
    THREE_YEARS,
    "Le CFA organise une veille sur les pratiques, les technologies et les métiers, et s'en sert.",
    [
      [
        "La veille est organisée et partagée avec les équipes.",
        "Organisation de la veille et synthèses diffusées",
      ],
      ["Elle a fait évoluer au moins une formation.", "Exemple daté d'une évolution"],
    ],
  ],
  [
    "competences-numeriques",
    "Compétences numériques",
    true,
    THREE_YEARS,
    "Le CFA développe et reconnaît les compétences numériques de ses apprentis.",
    [
      [
        "Les compétences visées sont définies avec un référentiel reconnu.",
        "Référentiel utilisé et progression prévue",
      ],
    ],
  ],
  [
    "plan-de-formation",
    "Plan de formation",
    true,
    THREE_YEARS,
    "Les équipes suivent un plan de formation qui prépare aux évolutions pédagogiques et numériques.",
    [["Le plan couvre toutes les équipes et est suivi.", "Plan de formation et bilan de l'année"]],
  ],
  [
    "multimodalite",
    "Multimodalité",
    true,
    THREE_YEARS,
    "Les formations mêlent présence, distance et situations de travail, de façon organisée.",
    [
      [
        "Au moins une formation est conçue en parcours multimodal.",
        "Scénario pédagogique d'une formation",
      ],
    ],
  ],
  [
    "relation-tripartite",
    "Relation tripartite",
    true,
    THREE_YEARS,
    "Apprenti, CFA et entreprise suivent ensemble le parcours, avec des outils partagés.",
    [["Le suivi à trois est outillé et régulier.", "Outil de suivi et comptes rendus"]],
  ],
  [
    "mission-accompagnement-numerique",
    "Mission accompagnement numérique",
    false,
    THREE_YEARS,
    "Une personne est chargée d'accompagner les équipes dans leurs usages numériques.",
    [["La mission est écrite et confiée.", "Lettre de mission"]],
  ],
  [
    "espaces-pedagogiques-innovants",
    "Espaces pédagogiques innovants",
    false,
    THREE_YEARS,
    "Le CFA a aménagé des espaces qui permettent d'enseigner autrement.",
    [
      [
        "Un espace a été pensé pour de nouvelles pratiques et sert.",
        "Photos et planning d'utilisation",
      ],
    ],
  ],
  [
    "partage-expertise-numerique",
    "Partage d'expertise numérique",
    false,
    THREE_YEARS,
    "Le CFA fait profiter d'autres structures de son expertise numérique.",
    [["Une expertise a été partagée hors du CFA.", "Support ou compte rendu d'intervention"]],
  ],
  [
    "ressources",
    "Ressources",
    false,
    THREE_YEARS,
    "Le CFA produit, organise et partage des ressources pédagogiques.",
    [["Les ressources sont produites, classées et accessibles.", "Catalogue de ressources"]],
  ],
  [
    "projet-professionnel",
    "Projet professionnel",
    false,
    THREE_YEARS,
    "Les apprentis sont accompagnés dans la construction de leur projet professionnel.",
    [["Un accompagnement est proposé à chaque apprenti.", "Démarche et exemples d'entretiens"]],
  ],
  [
    "cadre-de-vie",
    "Cadre de vie",
    false,
    THREE_YEARS,
    "Le CFA soigne l'accueil, la restauration, l'hébergement et la vie des apprentis.",
    [["Des actions améliorent la vie des apprentis.", "Bilan des actions menées"]],
  ],
  [
    "attractivite-promotion",
    "Attractivité et promotion des métiers et formations",
    false,
    THREE_YEARS,
    "Le CFA fait connaître ses métiers et formations par des actions variées.",
    [["Des actions de promotion sont menées et mesurées.", "Calendrier et bilan des actions"]],
  ],
  [
    "egalite-acces-numerique",
    "Égalité d'accès au numérique",
    false,
    THREE_YEARS,
    "Le CFA veille à ce que chaque apprenti ait accès aux outils et aux compétences numériques.",
    [["Les besoins sont repérés et des solutions proposées.", "Repérage et bilan des solutions"]],
  ],
  [
    "implication-apprentis",
    "Implication des apprentis",
    false,
    THREE_YEARS,
    "Les apprentis prennent part à la vie et aux projets du CFA.",
    [["Des instances ou projets associent les apprentis.", "Comptes rendus ou projets"]],
  ],
  [
    "cooperation",
    "Coopération",
    false,
    THREE_YEARS,
    "Le CFA coopère avec d'autres structures sur des projets communs.",
    [["Au moins un projet est mené avec un partenaire.", "Convention ou bilan de projet"]],
  ],
  [
    "innovation-pedagogique",
    "Innovation pédagogique",
    false,
    THREE_YEARS,
    "Le CFA expérimente de nouvelles façons d'enseigner et en tire des enseignements.",
    [
      [
        "Une expérimentation a été menée et évaluée.",
        "Description et évaluation de l'expérimentation",
      ],
    ],
  ],
  [
    "implication-employeurs",
    "Implication des employeurs",
    false,
    THREE_YEARS,
    "Les entreprises participent aux formations et aux projets du CFA.",
    [["Des employeurs sont associés à la formation.", "Exemples de participations"]],
  ],
  [
    "continuite-pedagogique",
    "Continuité pédagogique",
    false,
    THREE_YEARS,
    "Le CFA sait poursuivre ses formations quand les apprentis ne peuvent pas venir.",
    [["Un plan de continuité existe et a servi.", "Plan de continuité et retour d'expérience"]],
  ],
  [
    "evaluation-competences",
    "Évaluation des compétences",
    false,
    THREE_YEARS,
    "Les évaluations suivent les compétences acquises, en centre et en entreprise.",
    [["Un outil de suivi des compétences est utilisé.", "Grilles et exemples de suivi"]],
  ],
  [
    "communication-digitale",
    "Communication digitale",
    false,
    THREE_YEARS,
    "Le CFA communique sur ses formations et ses réussites par des canaux numériques.",
    [["Une stratégie de communication numérique est suivie.", "Plan de communication et exemples"]],
  ],
  [
    "equipements-numeriques",
    "Équipements numériques",
    false,
    THREE_YEARS,
    "Les équipements numériques sont adaptés aux formations et entretenus.",
    [["L'équipement est planifié et entretenu.", "Inventaire et plan d'équipement"]],
  ],
  [
    "inclusion-handicap",
    "Inclusion et handicap",
    false,
    THREE_YEARS,
    "Le CFA accueille et accompagne les apprentis en situation de handicap.",
    [
      [
        "Un référent et des aménagements sont en place.",
        "Nom du référent et exemples d'aménagements",
      ],
    ],
  ],
];

export const collection2018: Collection = {
  version: "2018",
  name: "Label CFA numérique — collection 2018",
  label: {
    total: 10,
    validityMonths: 36,
    badge: {
      slug: "label-cfa-numerique",
      name: "Label CFA numérique",
      recognises:
        "Le CFA tient au moins dix badges valides de la collection 2018, dont les cinq obligatoires : le numérique est entré dans ses formations.",
      criteria: [
        {
          statement: "Dix badges valides de la collection 2018, dont les cinq obligatoires.",
          evidence: ["Les badges eux-mêmes"],
        },
      ],
      color: "#8a5a00",
    },
  },
  badges: badges(rows2018, GREEN),
  equivalences: [],
};

export const collection2022: Collection = {
  version: "2022",
  name: "Label CFA Innovant — collection 2022",
  label: {
    total: 10,
    validityMonths: 36,
    badge: {
      slug: "label-cfa-innovant",
      name: "Label CFA Innovant",
      recognises:
        "Le CFA tient au moins dix badges valides de la collection 2022, dont les cinq obligatoires.",
      criteria: [
        {
          statement: "Dix badges valides de la collection 2022, dont les cinq obligatoires.",
          evidence: ["Les badges eux-mêmes"],
        },
      ],
      color: "#8a5a00",
    },
  },
  badges: badges(rows2022, PLUM),
  /** What the Region declared when the 2022 collection replaced the 2018 one. */
  equivalences: [
    ["veille-numerique", "veille"],
    ["competences-numeriques-formateurs", "plan-de-formation"],
    ["formation-a-distance", "multimodalite"],
    ["liaison-numerique-entreprise", "relation-tripartite"],
    ["ressources-numeriques", "ressources"],
    ["equipements-numeriques", "equipements-numeriques"],
    ["communication-digitale", "communication-digitale"],
    ["evaluation-numerique", "evaluation-competences"],
    ["accompagnement-numerique-apprentis", "egalite-acces-numerique"],
    ["partage-pratiques", "partage-expertise-numerique"],
  ].map(([fromSlug, toSlug]) => ({ fromVersion: "2018", fromSlug: fromSlug!, toSlug: toSlug! })),
};

/**
 * 2022 -> 2026: a badge kept under the same name counts as its successor;
 * the 2022 badges that 2026 folded into others count as those.
 */
export const equivalences2026 = [
  ...rows2022
    .map(([slug]) => slug)
    .filter(
      (slug) =>
        ![
          "continuite-pedagogique",
          "evaluation-competences",
          "communication-digitale",
          "equipements-numeriques",
          "inclusion-handicap",
        ].includes(slug),
    )
    .map((slug) => ({ fromVersion: "2022", fromSlug: slug, toSlug: slug })),
  { fromVersion: "2022", fromSlug: "continuite-pedagogique", toSlug: "multimodalite" },
  { fromVersion: "2022", fromSlug: "communication-digitale", toSlug: "attractivite-promotion" },
  {
    fromVersion: "2022",
    fromSlug: "equipements-numeriques",
    toSlug: "espaces-pedagogiques-innovants",
  },
  { fromVersion: "2022", fromSlug: "inclusion-handicap", toSlug: "egalite-acces-numerique" },
];

/** When each collection shipped with Blason came into force. */
export const historyPublishedAt: Record<string, Date> = {
  "2018": new Date("2018-09-03T08:00:00Z"),
  "2022": new Date("2022-01-03T08:00:00Z"),
  "2026": new Date("2026-01-05T08:00:00Z"),
};
