import { describe, expect, it } from "vitest";
import { awardingOf } from "./awarding";

const region = { ownerOrgId: null };
const partner = { ownerOrgId: "8bb47378-25cb-4e8e-9f7b-860b00313729" };
const level = { kind: "level", family: "organiser", level: 1 };
const aggregate = { kind: "aggregate", level: 2, distinctFamilies: 3 };
const participation = { kind: "participation", participation: "participant" };

describe("how a badge class is awarded", () => {
  it.each([
    ["a label badge", "commission", { kind: "badge", rule: null }, region],
    ["the label itself", "label", { kind: "label", rule: null }, region],
    ["a competence level", "automatic", { kind: "badge", rule: level }, region],
    ["the general badge", "automatic", { kind: "badge", rule: aggregate }, region],
    ["the Participant badge", "request", { kind: "badge", rule: participation }, region],
    ["a partner's own badge", "partner", { kind: "badge", rule: null }, partner],
  ] as const)("%s: %s", (_what, expected, badge, programme) => {
    expect(awardingOf(badge, programme)).toBe(expected);
  });
});
