import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { simpleParser } from "mailparser";
import { type Browser, chromium, type Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect } from "vitest";
import { buildApp } from "../../src/app";
import { DEMO_PASSWORD, seedDemo } from "../../src/modules/demo/seed";
import { repoRoot, webDistDir } from "../../src/paths";
import { openPlatform } from "../../src/platform";
import { freshDatabase, testConfig } from "../support/platform";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Builds the web app once if this checkout has not built it yet. */
function ensureWebBuilt() {
  if (fs.existsSync(path.join(webDistDir, "index.html"))) return;
  execFileSync("npm", ["run", "build", "-w", "web"], { cwd: repoRoot, stdio: "inherit" });
}

export type BrowserWorld = Awaited<ReturnType<typeof startBrowserWorld>>;

/** A real server on a free port with demo data, its job worker running, and Chromium. */
export async function startBrowserWorld(options: { config?: Record<string, string> } = {}) {
  ensureWebBuilt();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    JOBS_POLL_MS: "50",
    ...options.config,
  });
  const { database } = await freshDatabase();
  const platform = await openPlatform(config, { database });
  await seedDemo(platform.ctx);
  const app = await buildApp(platform.ctx, { logger: false });
  await app.listen({ port, host: "127.0.0.1" });
  platform.worker.start();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    baseUrl,
    platform,
    browser,
    async newPage(locale = "fr-FR") {
      const context = await browser.newContext({ locale, baseURL: baseUrl });
      // A stuck step fails with its own message rather than the whole test timing out.
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
    /** A desktop-sized page signed in with a demo account's password, on its home. */
    async signedIn(email: string): Promise<Page> {
      const context = await browser.newContext({
        locale: "fr-FR",
        baseURL: baseUrl,
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto("/connexion");
      await page.getByLabel("Adresse e-mail").fill(email);
      await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL("**/accueil");
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await platform.close();
    },
  };
}

/** Drops a file on the verifier page, as a visitor does, and waits for the verdict. */
export async function uploadToVerifier(page: Page, file: string) {
  await page.goto("/verify");
  await page
    .getByLabel("Déposez l'image du badge (PNG ou SVG) ou son fichier JSON")
    .setInputFiles(file);
  await page.getByRole("button", { name: "Vérifier", exact: true }).click();
  await page.locator("#verify-verdict").waitFor();
}

/** axe-core on the page as it is: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(blocking, `accessibility of ${label}`).toEqual([]);
}

export type Mail = { to: string; subject: string; text: string };

/**
 * A real SMTP server on a free port that keeps every message: the platform
 * sends through it as it would through the Region's, and tests read the inbox.
 */
export async function catchMail() {
  const inbox: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          for (const to of session.envelope.rcptTo)
            inbox.push({ to: to.address, subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}`,
    /** Waits for a message to `to` whose subject starts with `subject`. */
    async mail(to: string, subject: string): Promise<Mail> {
      let found: Mail | undefined;
      await expect
        .poll(
          () => {
            found = inbox.find((m) => m.to === to && m.subject.startsWith(subject));
            return !!found;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      return found!;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/**
 * For a test file: a browser world whose emails go through a real SMTP
 * server of its own, started before the file's tests and closed after them.
 */
export function browserWorldWithMail() {
  const state = {} as { world: BrowserWorld; mails: Awaited<ReturnType<typeof catchMail>> };
  beforeAll(async () => {
    state.mails = await catchMail();
    state.world = await startBrowserWorld({ config: { SMTP_URL: state.mails.url } });
  });
  afterAll(async () => {
    await state.world?.close();
    await state.mails?.close();
  });
  return state;
}
