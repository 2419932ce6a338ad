import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { matchRoutes } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPagePath, pagePaths } from "../../web/src/page-paths";
import { catalogueBadges } from "./support/factories";
import {
  appWithWebApp,
  createTestPlatform,
  TEST_SHELL,
  type TestPlatform,
} from "./support/platform";

/**
 * A path that no page and no route has answers 404: the app's own "page not
 * found" for a page URL, JSON for /api and /ims. The server knows the pages
 * from the web router's own list (web/src/page-paths.ts).
 */
let platform: TestPlatform;
let app: FastifyInstance;
let badgeId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  app = await appWithWebApp(platform, {
    "favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
  });
  const [badge] = await catalogueBadges(platform.ctx);
  badgeId = badge!.id;
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

const get = (url: string, method: "GET" | "POST" | "HEAD" = "GET") =>
  app.inject({ method, url, ...(method === "POST" ? { payload: {} } : {}) });

describe("unknown paths", () => {
  it.each([
    "/nimporte-quoi",
    "/Connexion",
    "/connexion/oups",
    "/badges/",
    "/organisations//label",
    "/programmes/label-cfa/historique/plus",
    "/wp-login.php",
  ])("the page %s answers 404 with the app, which shows its own page", async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toBe(TEST_SHELL);
  });

  it.each([
    ["GET", "/api/nope"],
    ["GET", "/api"],
    ["GET", "/%61pi/nope"],
    ["GET", "/API/me/nope"],
    ["GET", "/ims/ob/v3p0/inconnu"],
    ["GET", "/ims"],
    ["POST", "/nimporte-quoi"],
    ["POST", "/ims/ob/v3p0/inconnu"],
  ] as const)("%s %s answers 404 JSON", async (method, url) => {
    const response = await get(url, method);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("every page of the web app's list answers 200 with the app", async () => {
    for (const pattern of Object.values(pagePaths)) {
      // Their own routes look the record up: an unknown one is a 404 (below).
      if (/^\/(passports|credentials|issuers)\//.test(pattern)) continue;
      const url = pattern.replace(":id", pattern.startsWith("/badges/") ? badgeId : "x1");
      const response = await get(url.replace(/:\w+/g, "x1"));
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/^text\/html/);
    }
    expect((await get("/connexion/?retour=1")).statusCode).toBe(200);
    expect((await get("/favicon.svg")).statusCode).toBe(200);
  });

  it("a badge, passport, credential or issuer that does not exist answers 404", async () => {
    for (const url of [
      "/badges/00000000-0000-4000-8000-000000000000",
      "/badges/pas-un-identifiant",
      "/passports/personne-inconnue",
      "/credentials/00000000-0000-4000-8000-000000000000",
      "/issuers/emetteur-inconnu",
    ])
      expect((await get(url)).statusCode, url).toBe(404);
    // A path that is not even a URL is a bad request, never a server error.
    expect((await get("/%")).statusCode).toBe(400);
  });

  it("without a built web app, an unknown page is still 404 and a known one says to build", async () => {
    expect((await platform.app.inject({ method: "GET", url: "/nimporte-quoi" })).statusCode).toBe(
      404,
    );
    expect((await platform.app.inject({ method: "GET", url: "/connexion" })).statusCode).toBe(503);
    const api = await platform.app.inject({ method: "GET", url: "/ims/ob/v3p0/inconnu" });
    expect(api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    // The OB 3.0 API itself answers in its own shape: no token, 401 imsx_StatusInfo.
    const ob3 = await platform.app.inject({ method: "GET", url: "/ims/ob/v3p0/credentials" });
    expect(ob3.statusCode).toBe(401);
    expect(ob3.json()).toMatchObject({ imsx_codeMajor: "failure", imsx_severity: "error" });
  });
});

describe("the server's list of pages is the router's", () => {
  const routes = [
    {
      path: "/",
      children: [
        ...Object.values(pagePaths).map((p) => ({ path: p, caseSensitive: true })),
        { path: "*" },
      ],
    },
  ];
  const routerMatches = (pathname: string) => {
    const leaf = matchRoutes(routes, pathname)?.at(-1)?.route.path;
    return leaf !== undefined && leaf !== "*";
  };
  const segment = fc.oneof(
    fc.constantFrom(
      ...new Set(
        Object.values(pagePaths).flatMap((p) => p.split("/").filter((s) => !s.startsWith(":"))),
      ),
    ),
    fc.constantFrom("x1", "Connexion", "%65", "%2F", "", "label-cfa", "..", "."),
    fc.stringMatching(/^[a-zA-Z0-9._~-]{1,8}$/),
  );

  it("agrees with react-router on which paths are pages", () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.boolean(), (parts, slash) => {
        const pathname = `/${parts.join("/")}${slash ? "/" : ""}`;
        expect(isPagePath(pathname), pathname).toBe(routerMatches(pathname));
      }),
      { numRuns: 2000 },
    );
  });
});
