import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { runSampleCommand } from "../src/cli-commands";
import { generateIssuerKey } from "../src/keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "../src/ob3";
import { signCredential } from "../src/sign";
import { statusEntry } from "../src/status-list";
import { describeWithFixtures, oneEdTechSchema } from "./fixtures";

/**
 * What Blason signs, against 1EdTech's achievementcredential.json as
 * published (nothing normalised first): the Learner Credential Wallet's
 * verifier and 1EdTech's own run this schema on every credential.
 */
describeWithFixtures("credentials Blason signs validate against 1EdTech's schema", () => {
  const { validate, explain } = oneEdTechSchema("achievementcredential.json");
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the CLI's sample credential", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-schema-"));
    dirs.push(dir);
    await runSampleCommand({ outDir: dir });
    const sample = JSON.parse(fs.readFileSync(path.join(dir, "credential.json"), "utf8"));
    expect(validate(sample), explain()).toBe(true);
  });

  it("a credential with every field the builder writes", async () => {
    const key = await generateIssuerKey({ controller: "did:web:badges.example:issuers:region" });
    const issuer = "did:web:badges.example:issuers:region";
    const credential = buildOpenBadgeCredential({
      issuer: {
        id: issuer,
        name: "Région",
        url: "https://badges.example",
        email: "r@badges.example",
      },
      achievement: {
        id: "https://badges.example/ob/badges/label",
        name: "Label",
        description: "Le label du CFA.",
        criteria: { narrative: "Dix badges.", id: "https://badges.example/criteria" },
        image: { id: "https://badges.example/label.png", caption: "Label" },
        alignment: [{ targetName: "Compétence", targetUrl: "https://badges.example/c/1" }],
        achievementType: "Badge",
      },
      subject: {
        id: "did:example:holder",
        identifier: [hashedIdentifier("emailAddress", "a@b.fr", "sel")],
      },
      validFrom: new Date("2026-10-15T10:00:00Z"),
      validUntil: new Date("2030-10-15T10:00:00Z"),
      evidence: [{ id: "https://badges.example/credentials/1", name: "Badge compté" }],
      credentialStatus: statusEntry({
        listUrl: "https://badges.example/status/1",
        index: 42,
        purpose: "suspension",
      }),
    });
    const signed = await signCredential(credential, { key });
    expect(validate(signed), explain()).toBe(true);
  });
});
