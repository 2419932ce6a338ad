import type { Template } from "../layout";

export type RegistrationSubmittedParams = {
  organisation: string;
  badge: string;
  target: string;
  equivalence: "one_for_one" | "three_for_one";
  url: string;
};

export const registrationSubmitted: Template<RegistrationSubmittedParams> = {
  fr: (t) => ({
    subject: `Badge partenaire à valider : ${t.badge}`,
    intro: [
      `${t.organisation} propose son badge « ${t.badge} » pour « ${t.target} » (${t.equivalence === "one_for_one" ? "1 pour 1" : "3 pour 1"}).`,
      "Vous pouvez le valider, le refuser ou proposer une requalification.",
    ],
    action: { label: "Examiner le badge", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `Partner badge to review: ${t.badge}`,
    intro: [
      `${t.organisation} submits its badge "${t.badge}" for "${t.target}" (${t.equivalence === "one_for_one" ? "1 for 1" : "3 for 1"}).`,
      "You can approve it, refuse it or propose a requalification.",
    ],
    action: { label: "Review the badge", url: t.url },
    outro: [],
  }),
};
