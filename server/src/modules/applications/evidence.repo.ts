import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { applicationBadges, applicationFiles } from "../../db/schema";

/** An evidence file as lists show it (never its content). */
const fileColumns = {
  id: applicationFiles.id,
  criterion: applicationFiles.criterion,
  filename: applicationFiles.filename,
  contentType: applicationFiles.contentType,
  size: applicationFiles.size,
  createdAt: applicationFiles.createdAt,
};

const staffBadgeColumns = {
  id: applicationBadges.id,
  criterion: applicationBadges.criterion,
  holderName: applicationBadges.holderName,
  source: applicationBadges.source,
  input: applicationBadges.input,
  verified: applicationBadges.verified,
  badgeName: applicationBadges.badgeName,
  issuerName: applicationBadges.issuerName,
  problems: applicationBadges.problems,
  checkedAt: applicationBadges.checkedAt,
};

/** The criteria that have a file, or a staff badge the engine verified. */
export async function listEvidencedCriteria(q: Queryable, applicationId: string) {
  const files = await q
    .select({ criterion: applicationFiles.criterion })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId));
  const badges = await q
    .select({ criterion: applicationBadges.criterion })
    .from(applicationBadges)
    .where(
      and(eq(applicationBadges.applicationId, applicationId), eq(applicationBadges.verified, true)),
    );
  return new Set([...files, ...badges].map((f) => f.criterion));
}

export async function insertFile(q: Queryable, values: typeof applicationFiles.$inferInsert) {
  const [file] = await q.insert(applicationFiles).values(values).returning(fileColumns);
  return file!;
}

/** Deletes one file of the application; false when there was none. */
export async function deleteFile(q: Queryable, key: { applicationId: string; fileId: string }) {
  const deleted = await q
    .delete(applicationFiles)
    .where(
      and(
        eq(applicationFiles.id, key.fileId),
        eq(applicationFiles.applicationId, key.applicationId),
      ),
    )
    .returning({ id: applicationFiles.id });
  return deleted.length > 0;
}

/** One file of the application, with its content. */
export async function findFile(q: Queryable, key: { applicationId: string; fileId: string }) {
  const [file] = await q
    .select()
    .from(applicationFiles)
    .where(
      and(
        eq(applicationFiles.id, key.fileId),
        eq(applicationFiles.applicationId, key.applicationId),
      ),
    );
  return file;
}

export async function listFiles(q: Queryable, applicationId: string) {
  return q
    .select(fileColumns)
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.createdAt));
}

export async function insertStaffBadge(
  q: Queryable,
  values: typeof applicationBadges.$inferInsert,
) {
  const [row] = await q.insert(applicationBadges).values(values).returning(staffBadgeColumns);
  return row!;
}

/** Deletes one staff badge of the application; false when there was none. */
export async function deleteStaffBadge(
  q: Queryable,
  key: { applicationId: string; badgeId: string },
) {
  const removed = await q
    .delete(applicationBadges)
    .where(
      and(
        eq(applicationBadges.id, key.badgeId),
        eq(applicationBadges.applicationId, key.applicationId),
      ),
    )
    .returning({ id: applicationBadges.id });
  return removed.length > 0;
}

export async function listStaffBadges(q: Queryable, applicationId: string) {
  return q
    .select(staffBadgeColumns)
    .from(applicationBadges)
    .where(eq(applicationBadges.applicationId, applicationId))
    .orderBy(asc(applicationBadges.checkedAt));
}
