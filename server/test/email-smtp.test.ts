import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../src/modules/email/mailer";
import { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, PASSWORD } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let port = 0;
let platform: TestPlatform;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as { port: number }).port;
  platform = await createTestPlatform({ config: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await platform?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("email over SMTP", () => {
  it("delivers an invitation to a real SMTP server, in French, with HTML and text parts", async () => {
    expect(platform.ctx.mailer.kind).toBe("smtp");
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA Delta" });
    const admin = await buildUser(platform.ctx, { name: "Anne Delta" });
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    const client = new TestClient(platform.app);
    await client.signIn(admin.email, PASSWORD);
    await client.post(`/api/organisations/${cfa.id}/invitations`, {
      email: "recrue@delta.example",
      role: "admin",
    });
    await platform.worker.drain();

    const message = received.find((m) => m.to.includes("recrue@delta.example"));
    expect(message).toBeDefined();
    const parsed = await simpleParser(message!.raw);
    expect(parsed.subject).toBe("Invitation à rejoindre CFA Delta sur Blason");
    expect(parsed.text).toContain(
      "Anne Delta vous invite à rejoindre CFA Delta sur Blason, en tant que administrateur ou administratrice.",
    );
    expect(parsed.text).toMatch(/http:\/\/localhost:3000\/invitation\/[A-Za-z0-9_-]{40,}/);
    expect(parsed.html).toContain("Accepter l&#39;invitation");
    expect(parsed.html).toContain('lang="fr"');
  });

  it("an English-speaking user receives English mail", async () => {
    const user = await buildUser(platform.ctx, { locale: "en" });
    await new TestClient(platform.app).post("/api/auth/magic-link", { email: user.email });
    await platform.worker.drain();
    const message = received.find((m) => m.to.includes(user.email));
    const parsed = await simpleParser(message!.raw);
    expect(parsed.subject).toBe("Your Blason sign-in link");
  });

  it("a mail server that is down leaves the message queued for a retry", async () => {
    const down = createMailer({
      db: platform.ctx.db,
      smtpUrl: "smtp://127.0.0.1:1",
      from: "x@y.example",
    });
    await expect(
      down.send({ to: "a@b.example", subject: "s", text: "t", html: "<p>t</p>" }),
    ).rejects.toThrow();
  });
});
