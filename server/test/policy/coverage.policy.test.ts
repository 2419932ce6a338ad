import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../support/platform";
import { accountCases } from "./accounts.cases";
import { applicationCases } from "./applications.cases";
import { catalogueCases } from "./catalogue.cases";
import { credentialCases } from "./credentials.cases";
import { endorsementCases } from "./endorsements.cases";
import { labelCases } from "./label.cases";
import { listCases } from "./lists.cases";
import { bodyRoutes, type Cases } from "./matrix";
import { mentoringCases } from "./mentoring.cases";
import { oauthCases } from "./oauth.cases";
import { organisationCases } from "./organisations.cases";
import { partnerCases } from "./partners.cases";
import { publicCases } from "./public.cases";
import { supportCases } from "./support.cases";
import { walletCases } from "./wallets.cases";

/** Every table of the matrix; each has its own *.policy.test.ts. */
const tables: Cases[] = [
  accountCases,
  organisationCases,
  catalogueCases,
  credentialCases,
  labelCases,
  applicationCases,
  partnerCases,
  publicCases,
  oauthCases,
  mentoringCases,
  walletCases,
  listCases,
  endorsementCases,
  supportCases,
];
const covered = tables.flatMap((table) => Object.keys(table));
const cases: Cases = Object.assign({}, ...tables);

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

function apiRoutes() {
  return platform.app.routeTable
    .filter(
      (r) =>
        r.url.startsWith("/api/") &&
        !r.url.startsWith("/api/docs") &&
        r.url !== "/api/openapi.json",
    )
    .map((r) => `${r.method} ${r.url}`);
}

describe("policy matrix", () => {
  it("covers every API route, and only existing ones", () => {
    const routes = apiRoutes().sort();
    expect(covered.filter((route, i) => covered.indexOf(route) !== i)).toEqual([]);
    expect(Object.keys(cases).sort()).toEqual(routes);
  });
});

describe("bad input on every route with a body", () => {
  it("tries every route that takes a body", () => {
    const withBody = platform.app.routeTable
      .filter((r) => r.hasBody && r.url.startsWith("/api/"))
      .map((r) => `${r.method} ${r.url}`);
    expect(bodyRoutes(cases).sort()).toEqual(withBody.sort());
  });
});
