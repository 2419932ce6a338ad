import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../support/fingerprint";
import { createTestPlatform } from "../support/platform";
import { buildWorld, clientAs, type Role, roles, type World } from "../support/world";

/**
 * The access matrix: every API route, tried by every kind of caller, against
 * a CFA ("own" organisation) that some callers belong to and others do not.
 * The expectations are written here, independently of the policy module;
 * coverage.policy.test.ts fails if a route exists that no table covers.
 */

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
/** A route as the app registers it: "POST /api/applications/:id/submit". */
export type RouteKey = `${Method} /api/${string}`;

/** What a request carries beyond its method and path (taken from its route key). */
export type Parts = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
};
export type Case = {
  /** Prepares the world for one caller, and answers what its request carries. */
  request?: (w: World) => Parts | Promise<Parts>;
  /** The status each kind of caller gets. */
  expect: (role: Role) => number;
};
export type Cases = Partial<Record<RouteKey, Case>>;

export const everyone = (status: number) => () => status;
export const signedIn = (status: number) => (role: Role) => (role === "anonymous" ? 401 : status);
/** Allowed roles get `ok`; roles that cannot see the organisation get 404; others 403. */
export const onOwnCfa =
  (
    ok: number,
    allowed: Role[],
    canSee: Role[] = ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"],
  ) =>
  (role: Role) =>
    role === "anonymous" ? 401 : allowed.includes(role) ? ok : canSee.includes(role) ? 403 : 404;
export const staffOnly = (ok: number, allowed: Role[]) => (role: Role) =>
  role === "anonymous" ? 401 : allowed.includes(role) ? ok : 403;

export const managers: Role[] = ["cfaAdmin", "manager", "platformAdmin"];

/**
 * An application of the own CFA: its members and programme managers see it,
 * an assigned reviewer too (`reviewerAssigned`); nobody else, platform admins
 * included (they run accounts, not programmes).
 */
export const onOwnApplication =
  (ok: number, allowed: Role[], reviewerAssigned = false) =>
  (role: Role) => {
    const canSee: Role[] = [
      "cfaMember",
      "cfaAdmin",
      "manager",
      ...(reviewerAssigned ? (["reviewer"] as Role[]) : []),
    ];
    return role === "anonymous"
      ? 401
      : allowed.includes(role)
        ? ok
        : canSee.includes(role)
          ? 403
          : 404;
  };

/** Members of the organisation and managers read a registration; nobody else knows it exists. */
export const onOwnRegistration =
  (ok: number, allowed: Role[]) =>
  (role: Role): number =>
    role === "anonymous"
      ? 401
      : allowed.includes(role)
        ? ok
        : (["cfaMember", "cfaAdmin", "manager"] as Role[]).includes(role)
          ? 403
          : 404;

/** The route's `:id` is the own CFA. */
export const ownCfa = (w: World): Parts => ({ params: { id: w.cfaId } });

/** The request of a case: method and path from its route key, `:name` filled from its params. */
export async function requestFor(route: string, testCase: Case, w: World) {
  const [method, path] = route.split(" ") as [Method, string];
  const parts = (await testCase.request?.(w)) ?? {};
  const params = { ...parts.params };
  const url = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    delete params[name];
    return encodeURIComponent(value);
  });
  if (Object.keys(params).length > 0)
    throw new Error(`${route}: no :${Object.keys(params).join(", :")} in the route`);
  const query = parts.query ? `?${new URLSearchParams(parts.query)}` : "";
  return {
    method,
    url: url + query,
    ...(parts.body !== undefined ? { body: parts.body } : {}),
    ...(parts.headers ? { headers: parts.headers } : {}),
  };
}

/** Routes whose body is not a JSON object of fields, so that garbage fields mean nothing to them. */
const noBody = new Set<string>([
  "POST /api/auth/sign-out",
  "POST /api/auth/sign-out-everywhere",
  "POST /api/auth/verify-email/resend",
  // Its body is the badge itself, in any form: bad input is answered by a
  // report whose steps say what is wrong (server/test/verify.test.ts).
  "POST /api/verify",
  // Its body is the file itself (tested in server/test/applications.test.ts).
  "POST /api/applications/:id/files",
  "POST /api/applications/:id/staff-badges/image",
  "POST /api/me/partner-badges/image",
]);

/** The routes of `cases` that take a body of fields. */
export const bodyRoutes = (cases: Cases) =>
  Object.keys(cases).filter((route) => /^(POST|PATCH|PUT) /.test(route) && !noBody.has(route));

const garbage: [string, unknown][] = [
  [
    "wrong types",
    {
      email: 42,
      name: ["x"],
      role: "owner",
      roles: "all",
      token: 7,
      password: {},
      kind: "castle",
      locale: "de",
    },
  ],
  ["unknown field", { unexpected: true }],
  ["malformed JSON", '{"email": '],
];

/**
 * Runs the table against a world of its own: each route as each role, then
 * each route with a body given garbage. Answers the world, for further tests.
 */
export function policyMatrix(cases: Cases): () => World {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(await createTestPlatform());
  });
  afterAll(() => world?.platform.close());

  describe("policy matrix", () => {
    for (const [route, testCase] of Object.entries(cases) as [RouteKey, Case][]) {
      it.each(roles.map((role) => [role, testCase.expect(role)] as const))(
        `${route} as %s -> %i`,
        async (role, expected) => {
          const client = await clientAs(world, role);
          const response = await client.request(await requestFor(route, testCase, world));
          expect(response.statusCode, response.body).toBe(expected);
          if (expected === 404) expect(response.json().error.code).toBe("NOT_FOUND");
          if (expected === 403) expect(response.json().error.code).toBe("FORBIDDEN");
        },
      );
    }
  });

  const withBody = bodyRoutes(cases);
  if (withBody.length > 0)
    describe("bad input on every route with a body", () => {
      it.each(
        withBody.flatMap((route) => garbage.map(([label, body]) => [route, label, body] as const)),
      )("%s with %s: a clear French message, and nothing changes", async (route, _label, body) => {
        const client = await clientAs(world, "platformAdmin");
        const request = await requestFor(route, cases[route as RouteKey]!, world);
        const before = await fingerprint(world.platform.ctx.db);
        const response = await client.request({ ...request, body });
        expect(response.statusCode, response.body).toBe(400);
        const error = response.json().error;
        expect(error.code).toBe("VALIDATION_FAILED");
        expect(error.message).toBe("Certaines informations sont invalides.");
        expect(typeof error.requestId).toBe("string");
        expect(await fingerprint(world.platform.ctx.db)).toEqual(before);
      });
    });

  return () => world;
}
