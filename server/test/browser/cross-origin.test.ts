import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials } from "../../src/db/schema";
import { type BrowserWorld, startBrowserWorld } from "./harness";

/**
 * Another website (a second local server, on another port: another origin)
 * embeds a badge with the snippet Blason's credential page offers, shows a
 * badge class's image and fetches the signed credential, in Chromium.
 */
let world: BrowserWorld;
let site: http.Server;
let siteUrl: string;
let page = "";
let credentialId: string;
let badgeClassId: string;

beforeAll(async () => {
  world = await startBrowserWorld();
  const [valid] = await world.platform.ctx.db
    .select()
    .from(credentials)
    .where(and(eq(credentials.claimState, "accepted"), isNull(credentials.revokedAt)));
  credentialId = valid!.id;
  badgeClassId = valid!.badgeClassId;
  site = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
  await world?.close();
});

describe("a badge on another website", () => {
  it("Blason's embed snippet, a badge image and the credential document load from another origin", async () => {
    const browser = await world.newPage();
    await browser.goto(`/credentials/${credentialId}`);
    const snippet = await browser.locator("#embed-code").inputValue();
    expect(snippet).toContain(`${world.baseUrl}/credentials/${credentialId}.png`);
    await browser.context().close();

    page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Notre CFA</title></head>
<body><h1>Nos badges</h1>
<div id="embed">${snippet}</div>
<img id="class-image" src="${world.baseUrl}/api/public/badges/${badgeClassId}/image.svg" alt="Badge">
<p id="fetched">…</p>
<script>
fetch(${JSON.stringify(`${world.baseUrl}/credentials/${credentialId}.json`)})
  .then((r) => r.json())
  .then((c) => { document.getElementById("fetched").textContent = c.id; })
  .catch((e) => { document.getElementById("fetched").textContent = "refusé : " + e; });
</script></body></html>`;
    const other = await world.newPage();
    const blocked: string[] = [];
    other.on("requestfailed", (request) =>
      blocked.push(`${request.url()} ${request.failure()?.errorText}`),
    );
    await other.goto(siteUrl);
    expect(new URL(other.url()).origin).not.toBe(world.baseUrl);
    await expect
      .poll(() => other.locator("#fetched").textContent())
      .toBe(`${world.baseUrl}/credentials/${credentialId}`);
    const loaded = (selector: string) =>
      other.locator(selector).evaluate((img) => {
        const { complete, naturalWidth } = img as unknown as {
          complete: boolean;
          naturalWidth: number;
        };
        return complete && naturalWidth > 0;
      });
    await expect.poll(() => loaded("#embed img")).toBe(true);
    await expect.poll(() => loaded("#class-image")).toBe(true);
    expect(blocked).toEqual([]);
    await other.context().close();
  });
});
