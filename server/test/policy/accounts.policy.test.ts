import { describe, expect, it } from "vitest";
import { clientAs } from "../support/world";
import { accountCases } from "./accounts.cases";
import { policyMatrix } from "./matrix";

const world = policyMatrix(accountCases);

describe("bad input on every route with a body", () => {
  it("a body over the size limit is refused with its own message", async () => {
    const client = await clientAs(world(), "platformAdmin");
    const response = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "x".repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
