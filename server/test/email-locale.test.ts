import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OutgoingEmail, queueEmail } from "../src/modules/email/mailer";
import { addMember, buildOrganisation, buildUser } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

const sent: OutgoingEmail[] = [];
let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({
    mailer: {
      kind: "dev-mailbox",
      async send(message) {
        sent.push(message);
      },
    },
  });
});
afterAll(async () => {
  await platform?.close();
});
beforeEach(() => {
  sent.length = 0;
});

const magicLink = { name: "magic_link", url: "https://blason.example/m", minutes: 15 } as const;

/** Queues a sign-in link to `to` as a caller that passes no language would. */
async function deliver(to: string, locale?: "fr" | "en") {
  await queueEmail(platform.ctx.db, { to, template: magicLink, ...(locale ? { locale } : {}) });
  await platform.worker.drain();
  const message = sent.find((m) => m.to === to);
  expect(message).toBeDefined();
  return message!;
}

describe("the language of an email", () => {
  it("is the recipient's own when the caller gives none", async () => {
    const user = await buildUser(platform.ctx, { locale: "en" });
    const message = await deliver(user.email);
    expect(message.subject).toBe("Your Blason sign-in link");
    expect(message.html).toContain('lang="en"');
  });

  it("is French for a French-speaking user", async () => {
    const user = await buildUser(platform.ctx, { locale: "fr" });
    expect((await deliver(user.email)).subject).toBe("Votre lien de connexion à Blason");
  });

  it("is the caller's when the caller gives one", async () => {
    const user = await buildUser(platform.ctx, { locale: "en" });
    expect((await deliver(user.email, "fr")).subject).toBe("Votre lien de connexion à Blason");
  });

  it("is the organisation administrator's for an organisation's contact address", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const member = await buildUser(platform.ctx, { locale: "fr" });
    const admin = await buildUser(platform.ctx, { locale: "en" });
    await addMember(platform.ctx, cfa.id, member.id, "member");
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    expect((await deliver(cfa.contactEmail)).subject).toBe("Your Blason sign-in link");
  });

  it("is French for an address nobody on Blason has", async () => {
    const message = await deliver("stranger@nowhere.example");
    expect(message.subject).toBe("Votre lien de connexion à Blason");
    expect(message.html).toContain('lang="fr"');
  });
});
