import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./render";
import type { EmailTemplate } from "./templates";

const url = "https://blason.example/x?a=1&b=2";
const publicUrl = "https://blason.example/public/badge";
const passportUrl = "https://blason.example/passport";
const organisation = "CFA <Delta> & Fils";
const badge = "Accueillir l'apprenti·e « en situation »";

/** Every template, with every branch its wording takes. */
const cases: [string, EmailTemplate][] = [
  [
    "invitation member",
    { name: "invitation", organisation, role: "member", invitedBy: "Anne", url, days: 7 },
  ],
  [
    "invitation admin",
    { name: "invitation", organisation, role: "admin", invitedBy: "Anne", url, days: 7 },
  ],
  [
    "staff_invitation",
    {
      name: "staff_invitation",
      roles: ["programme_manager", "reviewer", "platform_admin"],
      invitedBy: "Paul",
      url,
      days: 3,
    },
  ],
  ["magic_link", { name: "magic_link", url, minutes: 15 }],
  ["password_reset", { name: "password_reset", url, minutes: 30 }],
  ["email_verification", { name: "email_verification", url }],
  ["badge_awarded", { name: "badge_awarded", organisation, badge, url, publicUrl }],
  ["badge_revoked", { name: "badge_revoked", organisation, badge, reason: "Erreur <grave>", url }],
  [
    "application_submitted with session",
    {
      name: "application_submitted",
      organisation,
      badge,
      session: "Printemps 2027",
      commissionDate: "2027-04-15",
      url,
    },
  ],
  [
    "application_submitted continuous",
    {
      name: "application_submitted",
      organisation,
      badge,
      session: null,
      commissionDate: null,
      url,
    },
  ],
  ["review_assigned", { name: "review_assigned", organisation, badge, url }],
  ["review_reopened", { name: "review_reopened", organisation, badge, reason: "Incomplet", url }],
  [
    "expiry_reminder",
    {
      name: "expiry_reminder",
      organisation,
      badge,
      months: 3,
      validUntil: "2027-09-30T23:59:59.000Z",
      url,
    },
  ],
  [
    "draft_reminder",
    {
      name: "draft_reminder",
      organisation,
      badge,
      deadline: "2027-03-01",
      session: "Printemps 2027",
      url,
    },
  ],
  ["label_eligible", { name: "label_eligible", organisation, count: 12, url }],
  [
    "label_requested first",
    { name: "label_requested", organisation, kind: "first", count: 12, url },
  ],
  [
    "label_requested renewal",
    { name: "label_requested", organisation, kind: "renewal", count: 14, url },
  ],
  ["label_refused", { name: "label_refused", organisation, motivation: "Pas assez", url }],
  [
    "label_suspended with badges",
    {
      name: "label_suspended",
      organisation,
      missingRequired: ["Sécurité", "Accueil"],
      lapsed: ["Accueil", "Numérique"],
      shortfall: 2,
      url,
    },
  ],
  [
    "label_suspended shortfall only",
    { name: "label_suspended", organisation, missingRequired: [], lapsed: [], shortfall: 3, url },
  ],
  [
    "label_suspended lapsed only",
    {
      name: "label_suspended",
      organisation,
      missingRequired: [],
      lapsed: ["Numérique"],
      shortfall: 1,
      url,
    },
  ],
  ["label_restored", { name: "label_restored", organisation, url }],
  ["idea_proposed", { name: "idea_proposed", organisation, title: "Badge « vert »", url }],
  ["regional_badge_awarded", { name: "regional_badge_awarded", person: "Léa", badge, publicUrl }],
  [
    "regional_badge_changed suspended",
    {
      name: "regional_badge_changed",
      change: "suspended",
      person: "Léa",
      badge,
      publicUrl,
      passportUrl,
    },
  ],
  [
    "regional_badge_changed restored",
    {
      name: "regional_badge_changed",
      change: "restored",
      person: "Léa",
      badge,
      publicUrl,
      passportUrl,
    },
  ],
  [
    "partner_badge_awarded",
    {
      name: "partner_badge_awarded",
      person: "Léa",
      issuer: "Asso & Co",
      badge,
      publicUrl,
      passportUrl,
    },
  ],
  ...(["answered", "declined", "adopted"] as const).map((outcome): [string, EmailTemplate] => [
    `idea_answered ${outcome}`,
    { name: "idea_answered", organisation, title: "Badge vert", outcome, answer: "Merci !", url },
  ]),
  ...(["one_for_one", "three_for_one"] as const).map((equivalence): [string, EmailTemplate] => [
    `registration_submitted ${equivalence}`,
    {
      name: "registration_submitted",
      organisation,
      badge,
      target: "Numérique N2",
      equivalence,
      url,
    },
  ]),
  ...(
    [
      "approved",
      "refused",
      "requalification_proposed",
      "proposal_accepted",
      "proposal_refused",
    ] as const
  ).flatMap((outcome) =>
    ["", "Voir le référentiel"].map((note): [string, EmailTemplate] => [
      `registration_decided ${outcome}${note ? " with note" : ""}`,
      { name: "registration_decided", organisation, badge, outcome, note, url },
    ]),
  ),
  [
    "registration_message",
    {
      name: "registration_message",
      organisation,
      badge,
      author: "Marc",
      excerpt: "Bonjour <b>",
      url,
    },
  ],
  ...(["granted", "refused", "revision_requested"] as const).map(
    (outcome): [string, EmailTemplate] => [
      `application_decided ${outcome}`,
      {
        name: "application_decided",
        outcome,
        organisation,
        badge,
        motivation: "Dossier solide",
        url,
      },
    ],
  ),
  [
    "application_message",
    {
      name: "application_message",
      organisation,
      badge,
      author: "Marc",
      excerpt: "Une question",
      url,
    },
  ],
];

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("email templates render as they always did", () => {
  it("covers every template name", () => {
    expect(new Set(cases.map(([, t]) => t.name)).size).toBe(27);
  });

  it.each(
    cases.flatMap(([label, t]) => (["fr", "en"] as const).map((l) => [label, l, t] as const)),
  )("%s (%s)", (_label, locale, template) => {
    const { subject, text, html } = renderEmail(template, locale);
    expect({ subject, text, html: sha256(html) }).toMatchSnapshot();
  });

  it("lays the HTML out in full", () => {
    expect(renderEmail(cases[0]![1], "fr").html).toMatchSnapshot();
    expect(renderEmail(cases[0]![1], "en").html).toMatchSnapshot();
  });
});
