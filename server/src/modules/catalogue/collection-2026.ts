import type { Alignment, Collection } from "./catalogue.types";

const q = (code: string, name: string): Alignment => ({ framework: "Qualiopi", code, name });
const FOUR_YEARS = 48;
const BLUE = "#1f3a8a";
const GREEN = "#1d6b3a";
const PLUM = "#5b2a86";

/**
 * The 2026 collection of the "Label CFA Innovant et Durable": 19 badges,
 * 5 required, each valid 4 years; the label needs 10 including the 5.
 * Texts are ours, written from the programme's published descriptions.
 */
export const collection2026: Collection = {
  version: "2026",
  name: "Label CFA Innovant et Durable — collection 2026",
  label: {
    total: 10,
    validityMonths: FOUR_YEARS,
    badge: {
      slug: "label-cfa-innovant-durable",
      name: "Label CFA Innovant et Durable",
      recognises:
        "Le CFA tient ensemble au moins dix badges valides de la collection, dont les cinq obligatoires : une démarche d'innovation et de développement durable installée dans la durée, et non une action isolée.",
      criteria: [
        {
          statement:
            "Au moins dix badges valides de la collection en vigueur (ou leurs équivalents reconnus par la Région).",
          evidence: ["Les badges eux-mêmes, vérifiés automatiquement par Blason"],
        },
        {
          statement:
            "Les cinq badges obligatoires en font partie : Veille, Compétences numériques, Plan de formation, Multimodalité et Relation tripartite.",
          evidence: ["Les badges eux-mêmes, vérifiés automatiquement par Blason"],
        },
        {
          statement:
            "Le label vit avec ses badges : il est suspendu si l'un d'eux expire ou est retiré sans remplaçant, et rétabli dès que la règle est de nouveau remplie.",
          evidence: ["Le renouvellement des badges avant leur échéance"],
        },
      ],
      color: "#8a5a00",
    },
  },
  badges: [
    {
      slug: "veille",
      name: "Veille",
      recognises:
        "Le CFA suit de façon organisée l'évolution des pratiques, des technologies et du numérique dans les métiers auxquels il forme, et s'en sert pour faire évoluer ses formations.",
      criteria: [
        {
          statement: "Une veille est organisée : sources suivies, personnes chargées, rythme.",
          evidence: [
            "Note d'organisation de la veille",
            "Liste des sources ou outil de veille utilisé",
          ],
        },
        {
          statement: "Les résultats de la veille sont partagés avec les équipes.",
          evidence: ["Exemples de synthèses ou de lettres de veille diffusées"],
        },
        {
          statement: "La veille a fait évoluer au moins une formation ou une pratique.",
          evidence: ["Exemple daté d'une évolution décidée à partir de la veille"],
        },
      ],
      required: true,
      validityMonths: FOUR_YEARS,
      renewalExtra:
        "Montrer comment la veille a été élargie ou a conduit à de nouvelles évolutions depuis la première obtention.",
      alignments: [
        q("23", "Veille légale et réglementaire"),
        q("24", "Veille sur les emplois et les métiers"),
        q("25", "Veille sur les innovations pédagogiques et technologiques"),
      ],
      color: BLUE,
    },
    {
      slug: "competences-numeriques",
      name: "Compétences numériques",
      recognises:
        "Le CFA forme, évalue et reconnaît les compétences numériques de ses apprentis, avec un dispositif lisible de bout en bout.",
      criteria: [
        {
          statement:
            "Les compétences numériques visées sont définies, en lien avec un référentiel reconnu.",
          evidence: ["Référentiel ou grille de compétences utilisée"],
        },
        {
          statement: "Les apprentis sont formés et évalués sur ces compétences.",
          evidence: [
            "Programme ou séquences de formation",
            "Outils d'évaluation et exemples de résultats anonymisés",
          ],
        },
        {
          statement: "Les compétences acquises sont reconnues (attestation, badge, certification).",
          evidence: ["Exemple d'attestation, de badge ou de certification délivrés"],
        },
      ],
      required: true,
      validityMonths: FOUR_YEARS,
      alignments: [q("11", "Évaluation de l'atteinte des objectifs par les apprenants")],
      color: BLUE,
    },
    {
      slug: "plan-de-formation",
      name: "Plan de formation",
      recognises:
        "Le CFA forme en continu ses personnels à la pédagogie innovante et aux évolutions des métiers auxquels il prépare.",
      criteria: [
        {
          statement:
            "Un plan de formation des personnels couvre la pédagogie innovante et le numérique.",
          evidence: ["Plan de formation de l'année en cours"],
        },
        {
          statement: "Les besoins des équipes sont recueillis avant d'établir le plan.",
          evidence: ["Entretiens, enquêtes ou comptes rendus de recueil des besoins"],
        },
        {
          statement: "Les formations suivies sont réalisées et leurs effets observés.",
          evidence: ["Bilan des formations suivies", "Exemples de mise en pratique"],
        },
      ],
      required: true,
      validityMonths: FOUR_YEARS,
      alignments: [
        q("21", "Compétences des intervenants"),
        q("22", "Développement des compétences des salariés"),
      ],
      color: BLUE,
    },
    {
      slug: "multimodalite",
      name: "Multimodalité",
      recognises:
        "Le CFA combine des modalités pédagogiques variées (présentiel, distance, hybride, situations de travail) adaptées à ses publics.",
      criteria: [
        {
          statement: "Au moins deux modalités différentes sont proposées dans des parcours réels.",
          evidence: [
            "Exemples de parcours détaillant les modalités",
            "Plateforme ou outils utilisés à distance",
          ],
        },
        {
          statement:
            "Le choix des modalités tient compte des publics (apprentis, personnels, entreprises).",
          evidence: ["Analyse ou note justifiant les choix"],
        },
        {
          statement: "Les apprenants sont accompagnés dans les temps à distance.",
          evidence: ["Organisation du suivi à distance (rôles, délais de réponse)"],
        },
      ],
      required: true,
      validityMonths: FOUR_YEARS,
      alignments: [
        q("4", "Analyse du besoin du bénéficiaire"),
        q("12", "Engagement des bénéficiaires et prévention des ruptures"),
      ],
      color: BLUE,
    },
    {
      slug: "relation-tripartite",
      name: "Relation tripartite",
      recognises:
        "Le CFA améliore la relation entre l'apprenti, le maître d'apprentissage et les référents pédagogiques, pour une montée en compétences en entreprise cohérente avec la formation.",
      criteria: [
        {
          statement:
            "Les rôles de chacun (apprenti, maître d'apprentissage, référent) sont définis et connus.",
          evidence: ["Charte, livret d'apprentissage ou guide du maître d'apprentissage"],
        },
        {
          statement: "Des échanges réguliers ont lieu, y compris par des outils numériques.",
          evidence: ["Calendrier des visites ou rendez-vous", "Outil de liaison utilisé"],
        },
        {
          statement: "Le CFA interroge et améliore ses pratiques de suivi.",
          evidence: ["Résultats d'une enquête ou d'un bilan et actions qui en découlent"],
        },
      ],
      required: true,
      validityMonths: FOUR_YEARS,
      alignments: [q("13", "Coordination des apprentis et des entreprises en alternance")],
      color: BLUE,
    },
    {
      slug: "mission-accompagnement-numerique",
      name: "Mission accompagnement numérique",
      recognises:
        "Le CFA a organisé en interne l'accompagnement des usages numériques, au plus près des besoins des apprenants et des équipes.",
      criteria: [
        {
          statement:
            "Une personne ou une équipe est chargée de l'accompagnement numérique, avec du temps dédié.",
          evidence: ["Fiche de mission ou organigramme"],
        },
        {
          statement: "L'accompagnement répond à des besoins identifiés.",
          evidence: ["Exemples de demandes traitées et d'actions menées"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("20", "Référents pédagogique, administratif et handicap")],
      color: PLUM,
    },
    {
      slug: "espaces-pedagogiques-innovants",
      name: "Espaces pédagogiques innovants",
      recognises:
        "Le CFA met à disposition des espaces pensés pour la pédagogie active, où apprentis et formateurs travaillent avec agilité.",
      criteria: [
        {
          statement: "Au moins un espace est aménagé pour des activités pédagogiques variées.",
          evidence: ["Photos et plan de l'espace", "Équipements disponibles"],
        },
        {
          statement: "L'espace est réellement utilisé par différents acteurs du CFA.",
          evidence: ["Planning d'occupation ou exemples de séances"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("17", "Moyens humains et techniques adaptés")],
      color: PLUM,
    },
    {
      slug: "partage-expertise-numerique",
      name: "Partage d'expertise numérique",
      recognises:
        "Le CFA soutient les initiatives de ses formateurs et organise des temps d'échange et de formation entre pairs sur les outils numériques.",
      criteria: [
        {
          statement: "Des temps d'échange entre formateurs sont organisés régulièrement.",
          evidence: ["Calendrier et comptes rendus des temps d'échange"],
        },
        {
          statement: "Les initiatives individuelles sont repérées et diffusées.",
          evidence: ["Exemples d'initiatives partagées (fiches, tutoriels, démonstrations)"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("22", "Développement des compétences des salariés")],
      color: PLUM,
    },
    {
      slug: "ressources",
      name: "Ressources",
      recognises:
        "Le CFA offre à ses apprenants des ressources pédagogiques numériques organisées et accessibles.",
      criteria: [
        {
          statement:
            "Niveau 1 : des ressources numériques sont disponibles et organisées pour les apprenants.",
          evidence: ["Capture de l'espace de ressources", "Exemples de ressources"],
        },
        {
          statement: "Les apprenants y accèdent facilement, y compris à distance.",
          evidence: ["Modalités d'accès et statistiques d'utilisation si disponibles"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      renewalExtra:
        "Atteindre le niveau 2 (ressources produites ou adaptées par les équipes) ou 3 (ressources co-construites avec les apprenants ou partagées avec d'autres CFA).",
      alignments: [q("19", "Ressources pédagogiques mises à disposition")],
      color: PLUM,
    },
    {
      slug: "projet-professionnel",
      name: "Projet professionnel",
      recognises:
        "Le CFA accompagne les apprentis dans la construction de leur projet professionnel et suit leur parcours après la formation.",
      criteria: [
        {
          statement: "Une démarche d'accompagnement du projet professionnel est proposée à tous.",
          evidence: ["Description de la démarche et de ses étapes"],
        },
        {
          statement: "Le devenir des apprentis après le CFA est suivi.",
          evidence: ["Enquête d'insertion ou outil de suivi, avec résultats"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("14", "Accompagnement socio-professionnel, éducatif et citoyen")],
      color: PLUM,
    },
    {
      slug: "cadre-de-vie",
      name: "Cadre de vie",
      recognises:
        "Le CFA améliore le cadre de vie quotidien de ses apprenants et présente son environnement, notamment grâce au numérique.",
      criteria: [
        {
          statement: "Des actions concrètes améliorent la vie quotidienne au CFA.",
          evidence: ["Exemples d'actions et leur date"],
        },
        {
          statement:
            "Le CFA et son environnement sont présentés aux apprenants (visite virtuelle, guide, application).",
          evidence: ["Lien ou capture du support de présentation"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [],
      color: GREEN,
    },
    {
      slug: "attractivite-promotion",
      name: "Attractivité et promotion des métiers et formations",
      recognises:
        "Le CFA mobilise les outils numériques pour faire connaître ses formations et les métiers auxquels il prépare.",
      criteria: [
        {
          statement:
            "Les formations et les métiers sont présentés sur des supports numériques à jour.",
          evidence: ["Liens vers le site, les réseaux ou les vidéos"],
        },
        {
          statement: "Des actions de promotion visent les jeunes, les familles et les entreprises.",
          evidence: ["Exemples d'actions et de leur audience"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("1", "Information du public sur les prestations")],
      color: GREEN,
    },
    {
      slug: "egalite-acces-numerique",
      name: "Égalité d'accès au numérique",
      recognises:
        "Le CFA garantit à tous ses alternants l'accès à la formation à distance et aux outils numériques utilisés en formation.",
      criteria: [
        {
          statement: "Les besoins en équipement et en connexion des apprenants sont repérés.",
          evidence: ["Questionnaire ou procédure de repérage"],
        },
        {
          statement: "Des solutions sont proposées (prêt de matériel, accès, accompagnement).",
          evidence: ["Dispositif mis en place et exemples de situations résolues"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("26", "Accueil des personnes en situation de handicap")],
      color: GREEN,
    },
    {
      slug: "implication-apprentis",
      name: "Implication des apprentis",
      recognises:
        "Le CFA interroge ses apprentis pour améliorer la qualité, met en œuvre des améliorations concrètes et les fait connaître.",
      criteria: [
        {
          statement: "L'avis des apprentis est recueilli régulièrement.",
          evidence: ["Questionnaires, conseils de vie ou comptes rendus"],
        },
        {
          statement:
            "Au moins une amélioration issue de leurs propositions est réalisée et valorisée.",
          evidence: ["Description de l'amélioration et de sa communication"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [
        q("30", "Recueil des appréciations des parties prenantes"),
        q("32", "Amélioration continue"),
      ],
      color: GREEN,
    },
    {
      slug: "cooperation",
      name: "Coopération",
      recognises: "Le CFA partage ses bonnes pratiques avec la communauté des CFA normands.",
      criteria: [
        {
          statement: "Le CFA a présenté ou transmis une pratique à d'autres CFA.",
          evidence: ["Support de présentation, article ou compte rendu d'échange"],
        },
        {
          statement: "Le CFA participe à des temps collectifs entre CFA.",
          evidence: ["Attestations ou comptes rendus de participation"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [],
      color: GREEN,
    },
    {
      slug: "developpement-durable",
      name: "Développement durable",
      recognises:
        "Le CFA déploie une démarche de développement durable qui place l'apprenti au cœur de l'engagement.",
      criteria: [
        {
          statement: "Une démarche de développement durable est formalisée, avec des objectifs.",
          evidence: ["Plan d'action ou charte avec objectifs"],
        },
        {
          statement: "Les apprentis sont acteurs de la démarche.",
          evidence: ["Exemples de projets menés par des apprentis"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [],
      color: GREEN,
    },
    {
      slug: "innovation-pedagogique",
      name: "Innovation pédagogique",
      recognises:
        "Le CFA expérimente de nouvelles modalités pédagogiques et déploie ses innovations dans ses activités.",
      criteria: [
        {
          statement: "Une innovation pédagogique est expérimentée et évaluée.",
          evidence: ["Description de l'expérimentation et de son évaluation"],
        },
        {
          statement: "L'innovation est étendue au-delà de l'expérimentation.",
          evidence: ["Exemples de déploiement dans d'autres formations"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [q("25", "Veille sur les innovations pédagogiques et technologiques")],
      color: PLUM,
    },
    {
      slug: "implication-employeurs",
      name: "Implication des employeurs",
      recognises:
        "Le CFA écoute les avis des employeurs et les prend en compte dans son plan d'action.",
      criteria: [
        {
          statement: "L'avis des employeurs est recueilli de façon organisée.",
          evidence: ["Enquête, comité ou entretiens, avec leurs résultats"],
        },
        {
          statement: "Des actions du CFA découlent de ces avis.",
          evidence: ["Plan d'action faisant le lien avec les avis recueillis"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [
        q("30", "Recueil des appréciations des parties prenantes"),
        q("32", "Amélioration continue"),
      ],
      color: GREEN,
    },
    {
      slug: "ia-responsable",
      name: "IA responsable",
      recognises:
        "Le CFA accompagne ses apprentis et ses équipes vers un usage responsable et éthique des outils d'intelligence artificielle.",
      criteria: [
        {
          statement: "Des règles d'usage de l'IA sont définies et connues (charte, règlement).",
          evidence: ["Charte ou règles d'usage diffusées"],
        },
        {
          statement: "Les apprentis sont formés à un usage critique et éthique de l'IA.",
          evidence: ["Séquences de formation et exemples de productions"],
        },
      ],
      required: false,
      validityMonths: FOUR_YEARS,
      alignments: [],
      color: PLUM,
    },
  ],
  equivalences: [],
};
