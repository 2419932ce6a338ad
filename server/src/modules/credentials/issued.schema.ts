import { z } from "zod";
import { line } from "../../http/text";
import { listPageSchema, listQuerySchema } from "../lists/lists.schema";
import { issuedStates } from "./issued.repo";

export const issuedQuery = listQuerySchema(
  ["issued", "badge", "holder", "validUntil"],
  "issued",
).extend({
  programme: line().trim().max(80).optional(),
  state: z.enum(issuedStates).optional(),
  badgeId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});
export type IssuedQuery = z.infer<typeof issuedQuery>;
export const issuedCsvQuery = issuedQuery.omit({ page: true, pageSize: true });
export type IssuedCsvQuery = z.infer<typeof issuedCsvQuery>;

export const issuedRowSchema = z.object({
  id: z.uuid(),
  state: z.enum(issuedStates),
  programme: z.string(),
  badge: z.object({ id: z.uuid(), name: z.string() }),
  /** The organisation's name, or the person's. */
  holder: z.string(),
  holderKind: z.enum(["organisation", "person"]),
  organisationId: z.uuid().nullable(),
  validFrom: z.date(),
  validUntil: z.date().nullable(),
});
export type IssuedRow = z.infer<typeof issuedRowSchema>;
export const issuedPage = listPageSchema(issuedRowSchema);
