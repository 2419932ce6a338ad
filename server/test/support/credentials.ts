import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../src/context";
import { collections, labelRequests } from "../../src/db/schema";
import { issueCredential } from "../../src/modules/credentials/issuance.service";
import { firstBadge } from "./applications";
import { catalogueBadges } from "./factories";

/** A badge freshly awarded to the organisation (the first catalogue badge unless told). */
export async function buildCredential(
  ctx: AppContext,
  options: { organisationId: string; badgeClassId?: string; grantKey?: string },
) {
  const { credential } = await issueCredential(ctx, {
    grantKey: options.grantKey ?? `test:${randomUUID()}`,
    badgeClassId: options.badgeClassId ?? (await firstBadge(ctx)).id,
    subjectOrgId: options.organisationId,
    validFrom: new Date(),
  });
  return credential;
}

/** The organisation holds ten badges, the required ones included, and has no pending label request. */
export async function holdLabelBadges(ctx: AppContext, options: { organisationId: string }) {
  const badges = await catalogueBadges(ctx);
  const ten = [...badges.filter((b) => b.required), ...badges.filter((b) => !b.required)].slice(
    0,
    10,
  );
  for (const badge of ten)
    await buildCredential(ctx, {
      organisationId: options.organisationId,
      badgeClassId: badge.id,
      grantKey: `matrix-label:${badge.id}`,
    });
  await ctx.db
    .delete(labelRequests)
    .where(
      and(
        eq(labelRequests.organisationId, options.organisationId),
        eq(labelRequests.state, "pending"),
      ),
    );
}

/** A pending label request of an organisation that holds what the label asks for. */
export async function buildLabelRequest(ctx: AppContext, options: { organisationId: string }) {
  await holdLabelBadges(ctx, options);
  const [collection] = await ctx.db
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.inForce, true));
  const [row] = await ctx.db
    .insert(labelRequests)
    .values({
      organisationId: options.organisationId,
      collectionId: collection!.id,
      check: { eligible: true, count: 10, total: 10, missingRequired: [], counted: [] },
    })
    .returning();
  return row!;
}
