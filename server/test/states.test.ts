import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client";
import {
  applicationStates,
  claimStates,
  collectionStatuses,
  ideaStates,
  jobStatuses,
  labelRequestStates,
  registrationStates,
  reviewStates,
} from "../src/db/states";
import * as applicationRules from "../src/modules/applications/applications.rules";
import * as reviewRules from "../src/modules/review/review.rules";
import { freshDatabase } from "./support/platform";

/** Each state column, the check constraint guarding it, and the list both come from. */
const columns = [
  ["applications_state_check", applicationStates],
  ["review_assignments_state_check", reviewStates],
  ["label_requests_state_check", labelRequestStates],
  ["badge_ideas_state_check", ideaStates],
  ["partner_registrations_state_check", registrationStates],
  ["credentials_claim_state_check", claimStates],
  ["jobs_status_check", jobStatuses],
  ["collections_status_check", collectionStatuses],
] as const;

let database: Database;
beforeAll(async () => {
  ({ database } = await freshDatabase());
});
afterAll(async () => {
  await database?.close();
});

describe("state columns", () => {
  it.each(columns)("%s allows exactly the states of its list", async (constraint, states) => {
    const { rows } = (await database.db.execute(
      sql`select pg_get_constraintdef(oid) as definition from pg_constraint where conname = ${constraint}`,
    )) as { rows: { definition: string }[] };
    const [row] = rows;
    expect(row).toBeDefined();
    const allowed = [...row!.definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]);
    expect([...allowed].sort()).toEqual([...states].sort());
  });

  it("the state machines know the same states as the database", () => {
    expect([...applicationRules.applicationStates].sort()).toEqual([...applicationStates].sort());
    expect([...reviewRules.reviewStates].sort()).toEqual([...reviewStates].sort());
  });
});
