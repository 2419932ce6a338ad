import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeIdeas, users } from "../src/db/schema";
import { json, type TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Control characters in text: PostgreSQL refuses NUL in text and JSON, and
 * the others are never meant. Every text input the API takes, found by
 * walking the OpenAPI document (generated from the routes' own schemas),
 * answers 400 VALIDATION_FAILED naming the field, never 500.
 */
type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Parameter = { in: string; name: string; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/**
 * A string the schema accepts, as a body builder: where it sits, and what its
 * enclosing objects need beside it to reach it (a union's discriminator).
 */
type Target = { key: string; build: (value: string) => unknown };

/** Single-valued properties of an object branch: discriminators such as `source: "url"`. */
function discriminators(schema: JsonSchema): Record<string, unknown> {
  const fixed: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (child.const !== undefined) fixed[name] = child.const;
    else if (child.enum?.length === 1) fixed[name] = child.enum[0];
  }
  return fixed;
}

function stringTargets(schema: JsonSchema, key = ""): Target[] {
  const found: Target[] = [];
  const join = (part: string) => (key ? `${key}.${part}` : part);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    found.push(...stringTargets(part, key));
  const types = [schema.type ?? []].flat();
  if (types.includes("string") && !schema.enum && schema.const === undefined)
    found.push({ key, build: (value) => value });
  const fixed = discriminators(schema);
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    for (const inner of stringTargets(child, join(name)))
      found.push({ key: inner.key, build: (v) => ({ ...fixed, [name]: inner.build(v) }) });
  if (schema.items)
    for (const inner of stringTargets(schema.items, join("0")))
      found.push({ key: inner.key, build: (v) => [inner.build(v)] });
  if (types.includes("object") && typeof schema.additionalProperties === "object")
    // "1" is a key every record here accepts (criteria are numbered).
    for (const inner of stringTargets(
      { type: "string", ...schema.additionalProperties },
      join("1"),
    ))
      found.push({ key: inner.key, build: (v) => ({ 1: inner.build(v) }) });
  return found;
}

function concreteUrl(template: string, operation: Operation): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = operation.parameters?.find((p) => p.in === "path" && p.name === name);
    if (param?.schema.format === "uuid") return randomUUID();
    return "x".repeat(24);
  });
}

const hostile = ["a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b"];

/**
 * Routes that take a body but are not in the API's OpenAPI document: the
 * OpenID4VCI and VC-API endpoints wallets call (their protocols define them),
 * with the text fields each one reads.
 */
const protocolFields: Record<string, string[]> = {
  "POST /oid4vci/token": ["grant_type", "pre-authorized_code", "tx_code"],
  "POST /oid4vci/credential": ["credential_configuration_id"],
  "POST /exchanges/:id": ["verifiablePresentation"],
};
const shown = (value: string) => JSON.stringify(value);

let platform: TestPlatform;
let doc: OpenApi;
let client: TestClient;
beforeAll(async () => {
  platform = await createTestPlatform();
  doc = json<OpenApi>(await platform.app.inject({ method: "GET", url: "/api/openapi.json" }));
  const user = await buildUser(platform.ctx, { platformRoles: ["platform_admin"] });
  client = await signedInClient(platform, user.id);
});
afterAll(() => platform?.close());

describe("control characters in text inputs", () => {
  it("the walk covers every route that takes a body", () => {
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations))
        if (operation.requestBody?.content["application/json"])
          documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
    const withBody = platform.app.routeTable
      .filter((r) => r.hasBody)
      .map((r) => `${r.method} ${r.url}`);
    expect(withBody.length).toBeGreaterThan(50);
    expect(withBody.filter((r) => !documented.has(r) && !protocolFields[r])).toEqual([]);
  });

  it("the wallets' protocol endpoints, outside the API's document, refuse control characters too", async () => {
    const failures: string[] = [];
    for (const [route, fields] of Object.entries(protocolFields)) {
      const [method, template] = route.split(" ") as ["POST", string];
      for (const field of fields)
        for (const value of hostile) {
          const response = await platform.app.inject({
            method,
            url: template.replace(":id", "x".repeat(24)),
            payload: { [field]: value },
          });
          const named = (json(response).error as { fields?: Record<string, string> })?.fields;
          if (response.statusCode !== 400 || !named?.[field])
            failures.push(`${route} ${field}=${shown(value)}: ${response.statusCode}`);
        }
    }
    expect(failures).toEqual([]);
  });

  it("PATCH /api/me refuses a name with a NUL byte and keeps the old one", async () => {
    const user = await buildUser(platform.ctx, { name: "Avant" });
    const own = await signedInClient(platform, user.id);
    const response = await own.patch("/api/me", { name: "a\u0000b" });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "Caractère de contrôle interdit (retirez-le ou retapez le texte)." },
    });
    const [row] = await platform.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Avant");
    own.locale = "en";
    const english = await own.patch("/api/me", { name: "a\u001bb" });
    expect(json(english).error).toMatchObject({
      fields: { name: "Control character not allowed (remove it or retype the text)." },
    });
  });

  it("every string field of every JSON body refuses control characters", async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content["application/json"]?.schema;
        if (!schema) continue;
        for (const { key, build } of stringTargets(schema))
          for (const value of hostile) {
            tried++;
            const response = await client.request({
              method: method.toUpperCase() as "POST",
              url: concreteUrl(path, operation),
              body: build(value),
            });
            const fields = (json(response).error as { fields?: Record<string, string> })?.fields;
            const named = Object.keys(fields ?? {}).some((f) => f === key || f.startsWith(key));
            if (response.statusCode !== 400 || !named)
              failures.push(
                `${method.toUpperCase()} ${path} ${key}=${shown(value)}: ${response.statusCode} ${response.body.slice(0, 160)}`,
              );
          }
      }
    expect(tried).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  });

  it("every text query parameter refuses control characters", async () => {
    const failures: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.requestBody) continue;
        for (const param of operation.parameters ?? []) {
          if (param.in !== "query" || stringTargets(param.schema).length === 0) continue;
          for (const value of hostile) {
            const response = await client.request({
              method: method.toUpperCase() as "GET",
              url: `${concreteUrl(path, operation)}?${param.name}=${encodeURIComponent(value)}`,
            });
            const fields = (json(response).error as { fields?: Record<string, string> })?.fields;
            if (response.statusCode !== 400 || !fields?.[param.name])
              failures.push(
                `${method.toUpperCase()} ${path}?${param.name}=${shown(value)}: ${response.statusCode}`,
              );
          }
        }
      }
    expect(failures).toEqual([]);
  });

  it("a text path segment with a NUL byte is refused, never a 500", async () => {
    const failures: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const texts = (operation.parameters ?? []).filter(
          (p) => p.in === "path" && p.schema.format !== "uuid",
        );
        for (const param of texts) {
          const url = concreteUrl(path, operation).replace("x".repeat(24), `ab%00cd-${param.name}`);
          const response = await client.request({
            method: method.toUpperCase() as "GET",
            url,
            ...(operation.requestBody ? { body: {} } : {}),
          });
          if (response.statusCode >= 500)
            failures.push(`${method.toUpperCase()} ${url}: ${response.statusCode}`);
        }
      }
    expect(failures).toEqual([]);
  });

  it("line breaks and tabs stay where text runs over several lines, not in a one-line field", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const member = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, member.id, "admin");
    const own = await signedInClient(platform, member.id);
    const idea = (title: string, description: string) =>
      own.post(`/api/organisations/${cfa.id}/ideas`, { title, description });
    const multiline = await idea("Mobilité", "Première ligne\r\nSeconde ligne\tavec tabulation");
    expect(multiline.statusCode).toBe(201);
    const [kept] = await platform.ctx.db
      .select()
      .from(badgeIdeas)
      .where(eq(badgeIdeas.id, json<{ id: string }>(multiline).id));
    expect(kept?.description).toBe("Première ligne\r\nSeconde ligne\tavec tabulation");
    const titled = await idea("Mobilité\ninternationale", "Une description assez longue.");
    expect(titled.statusCode).toBe(400);
    expect(json(titled).error).toMatchObject({ fields: { title: expect.any(String) } });
    const spaced = await own.patch("/api/me", { name: "Ana\u00a0Lopes — Léa" });
    expect(spaced.statusCode).toBe(200);
  });

  it("a badge pasted as text whose JSON escapes a NUL byte is refused, never a 500", async () => {
    const person = await buildUser(platform.ctx);
    const own = await signedInClient(platform, person.id);
    const document = JSON.stringify({ "@context": ["x"], type: ["x"], name: "a\u0000b" });
    const jwt = ["e30", Buffer.from(document).toString("base64url"), "c2ln"].join(".");
    for (const badge of [document, jwt]) {
      const pushed = await own.post("/api/me/partner-badges", { badge });
      expect(pushed.statusCode).toBe(400);
      expect(json(pushed).error).toMatchObject({ fields: { badge: expect.any(String) } });
    }
    const verified = await platform.app.inject({
      method: "POST",
      url: "/api/verify",
      headers: { "content-type": "application/json" },
      payload: document,
    });
    expect(verified.statusCode).toBeLessThan(500);
  });
});
