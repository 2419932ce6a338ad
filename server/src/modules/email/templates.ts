import type { Locale } from "../../errors";

type Rendered = { subject: string; text: string; html: string };
type Content = {
  subject: string;
  intro: string[];
  action?: { label: string; url: string };
  outro: string[];
};

const roleNames = {
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

type RoleName = keyof (typeof roleNames)["fr"];

export type EmailTemplate =
  | {
      name: "invitation";
      organisation: string;
      role: "member" | "admin";
      invitedBy: string;
      url: string;
      days: number;
    }
  | { name: "staff_invitation"; roles: RoleName[]; invitedBy: string; url: string; days: number }
  | { name: "magic_link"; url: string; minutes: number }
  | { name: "password_reset"; url: string; minutes: number }
  | { name: "email_verification"; url: string }
  | { name: "badge_awarded"; organisation: string; badge: string; url: string; publicUrl: string }
  | { name: "badge_revoked"; organisation: string; badge: string; reason: string; url: string }
  | {
      name: "application_submitted";
      organisation: string;
      badge: string;
      /** None for a request decided as it comes (continuous intake). */
      session: string | null;
      commissionDate: string | null;
      url: string;
    }
  | { name: "review_assigned"; organisation: string; badge: string; url: string }
  | { name: "review_reopened"; organisation: string; badge: string; reason: string; url: string }
  | {
      name: "expiry_reminder";
      organisation: string;
      badge: string;
      months: number;
      validUntil: string;
      url: string;
    }
  | {
      name: "draft_reminder";
      organisation: string;
      badge: string;
      deadline: string;
      session: string;
      url: string;
    }
  | { name: "label_eligible"; organisation: string; count: number; url: string }
  | {
      name: "label_requested";
      organisation: string;
      kind: "first" | "renewal";
      count: number;
      url: string;
    }
  | { name: "label_refused"; organisation: string; motivation: string; url: string }
  | {
      name: "label_suspended";
      organisation: string;
      missingRequired: string[];
      lapsed: string[];
      shortfall: number;
      url: string;
    }
  | { name: "label_restored"; organisation: string; url: string }
  | { name: "idea_proposed"; organisation: string; title: string; url: string }
  | { name: "regional_badge_awarded"; person: string; badge: string; publicUrl: string }
  | {
      name: "regional_badge_changed";
      change: "suspended" | "restored";
      person: string;
      badge: string;
      publicUrl: string;
      passportUrl: string;
    }
  | {
      name: "partner_badge_awarded";
      person: string;
      issuer: string;
      badge: string;
      publicUrl: string;
      passportUrl: string;
    }
  | {
      name: "idea_answered";
      organisation: string;
      title: string;
      outcome: "answered" | "declined" | "adopted";
      answer: string;
      url: string;
    }
  | {
      name: "registration_submitted";
      organisation: string;
      badge: string;
      target: string;
      equivalence: "one_for_one" | "three_for_one";
      url: string;
    }
  | {
      name: "registration_decided";
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
    }
  | {
      name: "registration_message";
      organisation: string;
      badge: string;
      author: string;
      excerpt: string;
      url: string;
    }
  | {
      name: "application_decided";
      outcome: "granted" | "refused" | "revision_requested";
      organisation: string;
      badge: string;
      motivation: string;
      url: string;
    }
  | {
      name: "application_message";
      organisation: string;
      badge: string;
      author: string;
      excerpt: string;
      url: string;
    };

const longDate = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));

function content(t: EmailTemplate, locale: Locale): Content {
  const fr = locale === "fr";
  switch (t.name) {
    case "expiry_reminder":
      return fr
        ? {
            subject: `À renouveler : ${t.badge}`,
            intro: [
              `Le badge « ${t.badge} » de ${t.organisation} arrive à échéance le ${longDate(t.validUntil.slice(0, 10), locale)} (dans moins de ${t.months} mois).`,
              "Pour qu'il compte toujours pour le label, déposez sa demande de renouvellement à une prochaine session : elle reprend le dossier précédent.",
            ],
            action: { label: "Voir la collection du CFA", url: t.url },
            outro: ["Vous recevez ce rappel 6, 3 puis 1 mois avant l'échéance."],
          }
        : {
            subject: `To renew: ${t.badge}`,
            intro: [
              `${t.organisation}'s badge "${t.badge}" ends on ${longDate(t.validUntil.slice(0, 10), locale)} (in less than ${t.months} months).`,
              "To keep it counting for the label, apply for its renewal at a coming session: the previous file is reused.",
            ],
            action: { label: "See the CFA's collection", url: t.url },
            outro: ["You get this reminder 6, 3 and 1 month before the end."],
          };
    case "draft_reminder":
      return fr
        ? {
            subject: `Date limite proche : ${t.badge}`,
            intro: [
              `La demande de ${t.organisation} pour le badge « ${t.badge} » n'est pas encore envoyée.`,
              `Pour la session « ${t.session} », la date limite est le ${longDate(t.deadline, locale)} à minuit.`,
            ],
            action: { label: "Reprendre la demande", url: t.url },
            outro: ["Après cette date, la demande passera à la session suivante."],
          }
        : {
            subject: `Deadline soon: ${t.badge}`,
            intro: [
              `${t.organisation}'s application for the badge "${t.badge}" is not sent yet.`,
              `For the "${t.session}" session, the deadline is ${longDate(t.deadline, locale)} at midnight.`,
            ],
            action: { label: "Continue the application", url: t.url },
            outro: ["After that date, the application goes to the next session."],
          };
    case "regional_badge_awarded":
      return fr
        ? {
            subject: `Un badge de la Région Normandie pour vous : ${t.badge}`,
            intro: [
              `Bonjour ${t.person},`,
              `Les badges que vous avez obtenus auprès de structures partenaires vous valent le badge régional « ${t.badge} ». La Région Normandie le signe : n'importe quel recruteur peut le vérifier.`,
            ],
            action: { label: "Voir votre badge", url: t.publicUrl },
            outro: ["Vous pouvez le partager, le télécharger ou le garder pour vous."],
          }
        : {
            subject: `A badge from the Région Normandie for you: ${t.badge}`,
            intro: [
              `Hello ${t.person},`,
              `The badges you earned at partner organisations give you the regional badge "${t.badge}". The Région Normandie signs it: any recruiter can verify it.`,
            ],
            action: { label: "See your badge", url: t.publicUrl },
            outro: ["You can share it, download it or keep it to yourself."],
          };
    case "regional_badge_changed":
      return t.change === "suspended"
        ? fr
          ? {
              subject: `Badge suspendu : ${t.badge}`,
              intro: [
                `Bonjour ${t.person},`,
                `Votre badge régional « ${t.badge} » est suspendu : un badge de structure partenaire sur lequel il reposait a été retiré par son émetteur ou a expiré.`,
                "Il sera rétabli automatiquement dès qu'un autre badge partenaire le justifiera de nouveau.",
              ],
              action: { label: "Voir vos badges", url: t.passportUrl },
              outro: [`Le badge : ${t.publicUrl}`],
            }
          : {
              subject: `Badge suspended: ${t.badge}`,
              intro: [
                `Hello ${t.person},`,
                `Your regional badge "${t.badge}" is suspended: a partner badge it relied on was withdrawn by its issuer or has expired.`,
                "It will be restored automatically as soon as another partner badge supports it again.",
              ],
              action: { label: "See your badges", url: t.passportUrl },
              outro: [`The badge: ${t.publicUrl}`],
            }
        : fr
          ? {
              subject: `Badge rétabli : ${t.badge}`,
              intro: [
                `Bonjour ${t.person},`,
                `Votre badge régional « ${t.badge} » est de nouveau valable : vos badges de structures partenaires le justifient.`,
              ],
              action: { label: "Voir le badge", url: t.publicUrl },
              outro: [],
            }
          : {
              subject: `Badge restored: ${t.badge}`,
              intro: [
                `Hello ${t.person},`,
                `Your regional badge "${t.badge}" is valid again: your partner badges support it.`,
              ],
              action: { label: "See the badge", url: t.publicUrl },
              outro: [],
            };
    case "partner_badge_awarded":
      return fr
        ? {
            subject: `${t.issuer} vous délivre le badge « ${t.badge} »`,
            intro: [
              `Bonjour ${t.person},`,
              `${t.issuer} vous délivre le badge « ${t.badge} ». C'est un Open Badge signé : n'importe qui peut vérifier qu'il vient bien de ${t.issuer}.`,
              "Si cette structure participe à « La Normandie badge les compétences », ce badge peut aussi vous valoir un badge de la Région : vous le verrez dans votre espace.",
            ],
            action: { label: "Voir votre badge", url: t.publicUrl },
            outro: [`Tous vos badges, à accepter, partager ou télécharger : ${t.passportUrl}`],
          }
        : {
            subject: `${t.issuer} awards you the badge "${t.badge}"`,
            intro: [
              `Hello ${t.person},`,
              `${t.issuer} awards you the badge "${t.badge}". It is a signed Open Badge: anyone can check that it comes from ${t.issuer}.`,
              'If this organisation takes part in "La Normandie badge les compétences", this badge may also earn you a badge from the Region: you will see it in your space.',
            ],
            action: { label: "See your badge", url: t.publicUrl },
            outro: [`All your badges, to accept, share or download: ${t.passportUrl}`],
          };
    case "idea_proposed":
      return fr
        ? {
            subject: `Idée de badge : ${t.title}`,
            intro: [`${t.organisation} propose un nouveau badge : « ${t.title} ».`],
            action: { label: "Lire l'idée", url: t.url },
            outro: [],
          }
        : {
            subject: `Badge idea: ${t.title}`,
            intro: [`${t.organisation} proposes a new badge: "${t.title}".`],
            action: { label: "Read the idea", url: t.url },
            outro: [],
          };
    case "idea_answered": {
      const lead = {
        answered: [
          `La Région a répondu à l'idée de badge « ${t.title} » de ${t.organisation}.`,
          `The Region answered ${t.organisation}'s badge idea "${t.title}".`,
        ],
        declined: [
          `La Région ne retient pas l'idée de badge « ${t.title} » de ${t.organisation}.`,
          `The Region does not take up ${t.organisation}'s badge idea "${t.title}".`,
        ],
        adopted: [
          `La Région retient l'idée de badge « ${t.title} » de ${t.organisation} : elle entre dans le brouillon de la prochaine collection.`,
          `The Region takes up ${t.organisation}'s badge idea "${t.title}": it goes into the draft of the next collection.`,
        ],
      }[t.outcome];
      return {
        subject: fr ? `Votre idée de badge : ${t.title}` : `Your badge idea: ${t.title}`,
        intro: [(fr ? lead[0] : lead[1]) ?? "", t.answer],
        action: { label: fr ? "Voir les idées" : "See the ideas", url: t.url },
        outro: [fr ? "Merci pour cette proposition." : "Thank you for the suggestion."],
      };
    }
    case "registration_submitted": {
      const weight = t.equivalence === "one_for_one" ? "1 pour 1" : "3 pour 1";
      return fr
        ? {
            subject: `Badge partenaire à valider : ${t.badge}`,
            intro: [
              `${t.organisation} propose son badge « ${t.badge} » pour « ${t.target} » (${weight}).`,
              "Vous pouvez le valider, le refuser ou proposer une requalification.",
            ],
            action: { label: "Examiner le badge", url: t.url },
            outro: [],
          }
        : {
            subject: `Partner badge to review: ${t.badge}`,
            intro: [
              `${t.organisation} submits its badge "${t.badge}" for "${t.target}" (${t.equivalence === "one_for_one" ? "1 for 1" : "3 for 1"}).`,
              "You can approve it, refuse it or propose a requalification.",
            ],
            action: { label: "Review the badge", url: t.url },
            outro: [],
          };
    }
    case "registration_decided": {
      const frText = {
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
      }[t.outcome];
      const enText = {
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
      }[t.outcome];
      const subjects = {
        approved: ["Badge validé", "Badge approved"],
        refused: ["Badge non retenu", "Badge not accepted"],
        requalification_proposed: ["Requalification proposée", "Requalification proposed"],
        proposal_accepted: ["Requalification acceptée", "Requalification accepted"],
        proposal_refused: ["Requalification refusée", "Requalification refused"],
      }[t.outcome];
      return {
        subject: fr ? `${subjects[0]} : ${t.badge}` : `${subjects[1]}: ${t.badge}`,
        intro: [
          ...(fr ? frText : enText),
          ...(t.note ? [fr ? `Motif : ${t.note}` : `Reason: ${t.note}`] : []),
        ],
        action: { label: fr ? "Voir le dépôt" : "See the registration", url: t.url },
        outro: [],
      };
    }
    case "registration_message":
      return fr
        ? {
            subject: `Nouveau message : ${t.badge}`,
            intro: [`${t.author} a écrit au sujet du badge « ${t.badge} » :`, t.excerpt],
            action: { label: "Répondre", url: t.url },
            outro: [],
          }
        : {
            subject: `New message: ${t.badge}`,
            intro: [`${t.author} wrote about the badge "${t.badge}":`, t.excerpt],
            action: { label: "Reply", url: t.url },
            outro: [],
          };
    case "label_requested":
      return fr
        ? {
            subject: `Demande de label : ${t.organisation}`,
            intro: [
              `${t.organisation} demande ${t.kind === "renewal" ? "le renouvellement du" : "le"} label CFA Innovant et Durable.`,
              `La vérification automatique a compté ${t.count} badges valides et trouvé la règle remplie. Il reste à confirmer la demande, ou à la refuser en expliquant pourquoi.`,
            ],
            action: { label: "Voir les demandes de label", url: t.url },
            outro: [],
          }
        : {
            subject: `Label request: ${t.organisation}`,
            intro: [
              `${t.organisation} asks for ${t.kind === "renewal" ? "the renewal of" : ""} the Innovative and Sustainable CFA label.`,
              `The automatic check counted ${t.count} valid badges and found the rule met. The request waits for your confirmation, or a refusal with its reasons.`,
            ],
            action: { label: "See the label requests", url: t.url },
            outro: [],
          };
    case "label_refused":
      return fr
        ? {
            subject: "Votre demande de label n'est pas retenue",
            intro: [
              `La Région n'a pas confirmé la demande de label de ${t.organisation}.`,
              `Son explication : ${t.motivation}`,
            ],
            action: { label: "Voir la collection du CFA", url: t.url },
            outro: ["Vous pourrez refaire la demande dès que la situation aura changé."],
          }
        : {
            subject: "Your label request was not confirmed",
            intro: [
              `The Region did not confirm ${t.organisation}'s label request.`,
              `Its explanation: ${t.motivation}`,
            ],
            action: { label: "See the CFA's collection", url: t.url },
            outro: ["You may ask again once things have changed."],
          };
    case "label_suspended": {
      const renew = [...new Set([...t.missingRequired, ...t.lapsed])];
      return fr
        ? {
            subject: "Label suspendu : des badges sont à renouveler",
            intro: [
              `Le label CFA Innovant et Durable de ${t.organisation} est suspendu : sa collection ne remplit plus la règle depuis qu'un badge a expiré ou a été retiré.`,
              renew.length
                ? `À renouveler : ${renew.join(", ")}.`
                : `Il manque ${t.shortfall} badge(s) valide(s).`,
              ...(t.missingRequired.length
                ? [`Obligatoire(s) manquant(s) : ${t.missingRequired.join(", ")}.`]
                : []),
              "Le label est rétabli automatiquement dès que la règle est de nouveau remplie : rien d'autre à demander.",
            ],
            action: { label: "Voir ce qui manque", url: t.url },
            outro: [
              "Tant qu'il est suspendu, le label apparaît comme tel à toute personne qui le vérifie.",
            ],
          }
        : {
            subject: "Label suspended: badges to renew",
            intro: [
              `${t.organisation}'s Innovative and Sustainable CFA label is suspended: its collection no longer meets the rule since a badge expired or was withdrawn.`,
              renew.length
                ? `To renew: ${renew.join(", ")}.`
                : `${t.shortfall} valid badge(s) missing.`,
              ...(t.missingRequired.length
                ? [`Missing required badge(s): ${t.missingRequired.join(", ")}.`]
                : []),
              "The label is restored automatically as soon as the rule holds again: nothing else to request.",
            ],
            action: { label: "See what is missing", url: t.url },
            outro: ["While suspended, the label shows as such to anyone who verifies it."],
          };
    }
    case "label_restored":
      return fr
        ? {
            subject: "Label rétabli",
            intro: [
              `La collection de ${t.organisation} remplit de nouveau la règle : son label CFA Innovant et Durable est rétabli.`,
            ],
            action: { label: "Voir la collection du CFA", url: t.url },
            outro: ["Bravo à toute l'équipe."],
          }
        : {
            subject: "Label restored",
            intro: [
              `${t.organisation}'s collection meets the rule again: its Innovative and Sustainable CFA label is restored.`,
            ],
            action: { label: "See the CFA's collection", url: t.url },
            outro: ["Congratulations to the whole team."],
          };
    case "label_eligible":
      return fr
        ? {
            subject: "Votre CFA peut demander le label",
            intro: [
              `Avec ${t.count} badges valides, dont tous les obligatoires, ${t.organisation} remplit la règle du label CFA Innovant et Durable.`,
              "Vous pouvez maintenant en faire la demande : la Région la vérifie et la confirme.",
            ],
            action: { label: "Voir la progression", url: t.url },
            outro: ["Bravo à toute l'équipe."],
          }
        : {
            subject: "Your CFA can apply for the label",
            intro: [
              `With ${t.count} valid badges, every required one included, ${t.organisation} meets the rule of the Innovative and Sustainable CFA label.`,
              "You can now apply for it: the Region checks and confirms it.",
            ],
            action: { label: "See the progress", url: t.url },
            outro: ["Congratulations to the whole team."],
          };
    case "application_submitted":
      return fr
        ? {
            subject: `Demande envoyée : ${t.badge}`,
            intro: [
              `La demande de ${t.organisation} pour le badge « ${t.badge} » est bien envoyée.`,
              t.session && t.commissionDate
                ? `Elle sera examinée par le groupe des pairs puis présentée à la commission « ${t.session} » du ${longDate(t.commissionDate, locale)}.`
                : "La Région l'examine dès maintenant et vous répond par e-mail.",
            ],
            action: { label: "Suivre la demande", url: t.url },
            outro: [
              "Les relecteurs peuvent vous poser des questions : vous serez prévenus par e-mail.",
            ],
          }
        : {
            subject: `Application sent: ${t.badge}`,
            intro: [
              `${t.organisation}'s application for the badge "${t.badge}" has been sent.`,
              t.session && t.commissionDate
                ? `The peer group will review it, then the "${t.session}" commission will decide on ${longDate(t.commissionDate, locale)}.`
                : "The Region examines it now and will answer by email.",
            ],
            action: { label: "Follow the application", url: t.url },
            outro: ["Reviewers may ask you questions: you will be told by email."],
          };
    case "review_assigned":
      return fr
        ? {
            subject: `Nouvelle demande à relire : ${t.badge}`,
            intro: [
              `Vous êtes désigné·e pour relire la demande de ${t.organisation} pour le badge « ${t.badge} ».`,
              "Si vous avez un lien avec cette organisation, déclarez-vous en conflit d'intérêts depuis la demande.",
            ],
            action: { label: "Ouvrir la demande", url: t.url },
            outro: ["Merci pour votre engagement dans le groupe des pairs."],
          }
        : {
            subject: `New application to review: ${t.badge}`,
            intro: [
              `You have been chosen to review ${t.organisation}'s application for the badge "${t.badge}".`,
              "If you have a tie with this organisation, recuse yourself from the application.",
            ],
            action: { label: "Open the application", url: t.url },
            outro: ["Thank you for your work in the peer group."],
          };
    case "review_reopened":
      return fr
        ? {
            subject: `Relecture rouverte : ${t.badge}`,
            intro: [
              `La Région a rouvert votre relecture de la demande de ${t.organisation} pour le badge « ${t.badge} ».`,
              `Motif : ${t.reason}`,
              "Reprenez-la depuis la demande, puis rendez-la de nouveau.",
            ],
            action: { label: "Ouvrir la demande", url: t.url },
            outro: ["Merci pour votre engagement dans le groupe des pairs."],
          }
        : {
            subject: `Review reopened: ${t.badge}`,
            intro: [
              `The Region reopened your review of ${t.organisation}'s application for the badge "${t.badge}".`,
              `Reason: ${t.reason}`,
              "Take it up again from the application, then submit it once more.",
            ],
            action: { label: "Open the application", url: t.url },
            outro: ["Thank you for your work in the peer group."],
          };
    case "application_decided": {
      const fr1 = {
        granted: `Bonne nouvelle : la commission attribue le badge « ${t.badge} » à ${t.organisation}.`,
        refused: `La commission n'a pas attribué le badge « ${t.badge} » à ${t.organisation}.`,
        revision_requested: `La commission demande à ${t.organisation} de compléter sa demande pour le badge « ${t.badge} ».`,
      }[t.outcome];
      const en1 = {
        granted: `Good news: the commission awards the badge "${t.badge}" to ${t.organisation}.`,
        refused: `The commission did not award the badge "${t.badge}" to ${t.organisation}.`,
        revision_requested: `The commission asks ${t.organisation} to complete its application for the badge "${t.badge}".`,
      }[t.outcome];
      const frSubject = {
        granted: "Badge attribué",
        refused: "Badge non attribué",
        revision_requested: "Demande à compléter",
      }[t.outcome];
      const enSubject = {
        granted: "Badge awarded",
        refused: "Badge not awarded",
        revision_requested: "Application to complete",
      }[t.outcome];
      return fr
        ? {
            subject: `${frSubject} : ${t.badge}`,
            intro: [
              fr1,
              `${t.outcome === "revision_requested" ? "Ce qu'il faut modifier" : "Motivation de la commission"} : ${t.motivation}`,
              ...(t.outcome === "granted"
                ? ["Le badge signé arrive dans un second message, avec le lien pour l'accepter."]
                : t.outcome === "revision_requested"
                  ? [
                      "Modifiez la demande puis renvoyez-la : elle sera examinée à une prochaine session.",
                    ]
                  : []),
            ],
            action: { label: "Voir la demande", url: t.url },
            outro: ["Pour toute question, répondez dans le fil de discussion de la demande."],
          }
        : {
            subject: `${enSubject}: ${t.badge}`,
            intro: [
              en1,
              `${t.outcome === "revision_requested" ? "What to change" : "The commission's reasons"}: ${t.motivation}`,
              ...(t.outcome === "granted"
                ? ["The signed badge follows in a second message, with the link to accept it."]
                : t.outcome === "revision_requested"
                  ? ["Change the application and send it again: a later session will review it."]
                  : []),
            ],
            action: { label: "See the application", url: t.url },
            outro: ["For any question, write in the application's discussion thread."],
          };
    }
    case "application_message":
      return fr
        ? {
            subject: `Nouveau message sur la demande « ${t.badge} »`,
            intro: [
              `Nouveau message de ${t.author} sur la demande de ${t.organisation} pour le badge « ${t.badge} » :`,
              t.excerpt,
            ],
            action: { label: "Répondre", url: t.url },
            outro: ["Répondez depuis la demande : les réponses par e-mail ne sont pas lues."],
          }
        : {
            subject: `New message on the application "${t.badge}"`,
            intro: [
              `New message from ${t.author} on ${t.organisation}'s application for the badge "${t.badge}":`,
              t.excerpt,
            ],
            action: { label: "Reply", url: t.url },
            outro: ["Reply from the application: email replies are not read."],
          };
    case "badge_awarded":
      return fr
        ? {
            subject: `Badge obtenu : ${t.badge}`,
            intro: [
              `Félicitations : la Région Normandie délivre le badge « ${t.badge} » à ${t.organisation}.`,
              "Un membre de votre organisation peut l'accepter (ou le refuser), puis le télécharger en image PNG ou SVG, ou en JSON, pour le publier sur votre site et vos réseaux.",
            ],
            action: { label: "Accepter le badge", url: t.url },
            outro: [`Sa page publique, vérifiable par tous : ${t.publicUrl}`],
          }
        : {
            subject: `Badge earned: ${t.badge}`,
            intro: [
              `Congratulations: the Normandy Region awards the badge "${t.badge}" to ${t.organisation}.`,
              "A member of your organisation can accept it (or decline it), then download it as a PNG or SVG image, or as JSON, to publish it on your website and networks.",
            ],
            action: { label: "Accept the badge", url: t.url },
            outro: [`Its public page, verifiable by anyone: ${t.publicUrl}`],
          };
    case "badge_revoked":
      return fr
        ? {
            subject: `Badge révoqué : ${t.badge}`,
            intro: [
              `La Région Normandie a révoqué le badge « ${t.badge} » de ${t.organisation}.`,
              `Motif : ${t.reason}`,
              "Sa page publique et les vérificateurs l'indiquent désormais comme révoqué.",
            ],
            action: { label: "Voir les badges de l'organisation", url: t.url },
            outro: ["Pour toute question, répondez à l'équipe badges de la Région."],
          }
        : {
            subject: `Badge revoked: ${t.badge}`,
            intro: [
              `The Normandy Region has revoked the badge "${t.badge}" of ${t.organisation}.`,
              `Reason: ${t.reason}`,
              "Its public page and verifiers now show it as revoked.",
            ],
            action: { label: "See the organisation's badges", url: t.url },
            outro: ["For any question, contact the Region's badge team."],
          };
    case "invitation":
      return fr
        ? {
            subject: `Invitation à rejoindre ${t.organisation} sur Blason`,
            intro: [
              `${t.invitedBy} vous invite à rejoindre ${t.organisation} sur Blason, en tant que ${roleNames.fr[t.role]}.`,
              "Vous pourrez préparer les demandes de badge de votre organisation, suivre leur instruction et partager les badges obtenus.",
            ],
            action: { label: "Accepter l'invitation", url: t.url },
            outro: [`Ce lien est valable ${t.days} jours et ne sert qu'une fois.`],
          }
        : {
            subject: `Invitation to join ${t.organisation} on Blason`,
            intro: [
              `${t.invitedBy} invites you to join ${t.organisation} on Blason as ${roleNames.en[t.role]}.`,
              "You will be able to prepare your organisation's badge applications, follow their review and share the badges it earns.",
            ],
            action: { label: "Accept the invitation", url: t.url },
            outro: [`This link is valid for ${t.days} days and works once.`],
          };
    case "staff_invitation": {
      const roles = t.roles.map((r) => roleNames[locale][r]).join(", ");
      return fr
        ? {
            subject: "Invitation à rejoindre l'équipe Blason",
            intro: [`${t.invitedBy} vous invite sur Blason avec le rôle : ${roles}.`],
            action: { label: "Créer mon compte", url: t.url },
            outro: [`Ce lien est valable ${t.days} jours et ne sert qu'une fois.`],
          }
        : {
            subject: "Invitation to join the Blason team",
            intro: [`${t.invitedBy} invites you to Blason with the role: ${roles}.`],
            action: { label: "Create my account", url: t.url },
            outro: [`This link is valid for ${t.days} days and works once.`],
          };
    }
    case "magic_link":
      return fr
        ? {
            subject: "Votre lien de connexion à Blason",
            intro: ["Vous avez demandé à vous connecter à Blason sans mot de passe."],
            action: { label: "Me connecter", url: t.url },
            outro: [
              `Ce lien est valable ${t.minutes} minutes et ne sert qu'une fois.`,
              "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte ne risque rien.",
            ],
          }
        : {
            subject: "Your Blason sign-in link",
            intro: ["You asked to sign in to Blason without a password."],
            action: { label: "Sign me in", url: t.url },
            outro: [
              `This link is valid for ${t.minutes} minutes and works once.`,
              "If you did not ask for it, ignore this message: your account is safe.",
            ],
          };
    case "password_reset":
      return fr
        ? {
            subject: "Choisir un nouveau mot de passe Blason",
            intro: ["Vous avez demandé à changer votre mot de passe."],
            action: { label: "Choisir un nouveau mot de passe", url: t.url },
            outro: [
              `Ce lien est valable ${t.minutes} minutes et ne sert qu'une fois. Vos autres sessions seront fermées.`,
              "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
            ],
          }
        : {
            subject: "Choose a new Blason password",
            intro: ["You asked to change your password."],
            action: { label: "Choose a new password", url: t.url },
            outro: [
              `This link is valid for ${t.minutes} minutes and works once. Your other sessions will be closed.`,
              "If you did not ask for it, ignore this message.",
            ],
          };
    case "email_verification":
      return fr
        ? {
            subject: "Confirmez votre adresse e-mail",
            intro: ["Merci de confirmer que cette adresse e-mail est bien la vôtre."],
            action: { label: "Confirmer mon adresse", url: t.url },
            outro: [],
          }
        : {
            subject: "Confirm your email address",
            intro: ["Please confirm that this email address is yours."],
            action: { label: "Confirm my address", url: t.url },
            outro: [],
          };
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmail(template: EmailTemplate, locale: Locale): Rendered {
  const c = content(template, locale);
  const footer =
    locale === "fr"
      ? "Blason — la plateforme des badges ouverts de la Région. Message automatique : merci de ne pas y répondre."
      : "Blason — the Region's open badge platform. Automatic message: please do not reply.";
  const text = [
    ...c.intro,
    ...(c.action ? [`${c.action.label} : ${c.action.url}`] : []),
    ...c.outro,
    "--",
    footer,
  ].join("\n\n");
  const paragraphs = (lines: string[]) =>
    lines.map((l) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(l)}</p>`).join("");
  const button = c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#1f3a8a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(c.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(c.action.url)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head><body style="margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2937"><div role="article" aria-label="${escapeHtml(c.subject)}" style="max-width:560px;margin:0 auto;padding:24px"><div style="background:#1f3a8a;color:#ffffff;padding:16px 24px;border-radius:8px 8px 0 0;font-size:20px;font-weight:700">Blason <span style="color:#f2c14e">&#9733;</span></div><div style="background:#ffffff;padding:24px;border-radius:0 0 8px 8px">${paragraphs(c.intro)}${button}${paragraphs(c.outro)}</div><p style="font-size:12px;color:#4b5563;margin:16px 0">${escapeHtml(footer)}</p></div></body></html>`;
  return { subject: c.subject, text, html };
}
