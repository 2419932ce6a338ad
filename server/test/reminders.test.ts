import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, type badgeClasses, calendarSessions, programmes } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { runReminders } from "../src/modules/reminders/reminders.service";
import { buildOrganisation, catalogueBadges } from "./support/factories";
import { mailsTo } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let badges: (typeof badgeClasses.$inferSelect)[];
beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  badges = await catalogueBadges(platform.ctx);
});
afterAll(() => platform?.close());

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

describe("reminders", () => {
  it("reminds a CFA of a badge ending within 3 months, once however often it runs", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA à renouveler" });
    await issueCredential(platform.ctx, {
      grantKey: "reminder:expiring",
      badgeClassId: badges[0]!.id,
      subjectOrgId: cfa.id,
      validFrom: monthsAgo(46),
    });
    await runReminders(platform.ctx);
    await runReminders(platform.ctx);
    const reminders = (await mailsTo(platform, cfa.contactEmail)).filter((m) =>
      m.subject.startsWith("À renouveler"),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain("dans moins de 3 mois");
  });

  it("reminds a CFA whose draft's deadline is within a week", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA en retard" });
    const [programme] = await platform.ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, "label-cfa"));
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await platform.ctx.db.insert(calendarSessions).values({
      programmeId: programme!.id,
      name: "Session proche",
      deadline: day(3),
      commissionDate: day(10),
    });
    await platform.ctx.db
      .insert(applications)
      .values({ organisationId: cfa.id, badgeClassId: badges[1]!.id });
    await runReminders(platform.ctx);
    const mail = (await mailsTo(platform, cfa.contactEmail)).find((m) =>
      m.subject.startsWith("Date limite proche"),
    );
    expect(mail?.text).toContain("Session proche");
  });
});

describe("label eligibility", () => {
  it("emails the CFA the day a badge makes it meet the rule, and only then", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA presque labellisé" });
    const required = badges.filter((b) => b.required);
    const optional = badges.filter((b) => !b.required);
    const chosen = [...required, ...optional.slice(0, 5)];
    for (const [i, badge] of chosen.entries())
      await issueCredential(platform.ctx, {
        grantKey: `eligible:${i}`,
        badgeClassId: badge.id,
        subjectOrgId: cfa.id,
        validFrom: monthsAgo(1),
      });
    const subject = "Votre CFA peut demander le label";
    expect(
      (await mailsTo(platform, cfa.contactEmail)).filter((m) => m.subject === subject),
    ).toHaveLength(1);
    // The tenth badge tipped it over; an eleventh changes nothing.
    await issueCredential(platform.ctx, {
      grantKey: "eligible:extra",
      badgeClassId: optional[6]!.id,
      subjectOrgId: cfa.id,
      validFrom: monthsAgo(1),
    });
    expect(
      (await mailsTo(platform, cfa.contactEmail)).filter((m) => m.subject === subject),
    ).toHaveLength(1);
  });
});
