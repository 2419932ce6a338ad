import { createHash } from "node:crypto";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import type { Caller } from "../policy/policy";
import type { LoadedApplication } from "./applications.repo";
import { criteriaToAnswer } from "./applications.rules";
import {
  actorSide,
  moveApplication,
  type Reader,
  readableApplication,
  transition,
} from "./applications.service";
import { validAnswers } from "./drafting.service";
import {
  deleteFile,
  deleteStaffBadge,
  findFile,
  insertFile,
  insertStaffBadge,
  listEvidencedCriteria,
} from "./evidence.repo";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What a file's first bytes must be for the type it claims (office files are zip containers). */
const ALLOWED_TYPES: Record<string, { ext: string[]; magic?: number[] }> = {
  "application/pdf": { ext: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46] },
  "image/png": { ext: ["png"], magic: [0x89, 0x50, 0x4e, 0x47] },
  "image/jpeg": { ext: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    ext: ["docx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    ext: ["xlsx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    ext: ["pptx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.oasis.opendocument.text": { ext: ["odt"], magic: [0x50, 0x4b, 0x03, 0x04] },
  "application/vnd.oasis.opendocument.spreadsheet": {
    ext: ["ods"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "text/plain": { ext: ["txt"] },
};

export function checkUpload(filename: string, contentType: string, bytes: Buffer) {
  const type = ALLOWED_TYPES[contentType.split(";")[0]!.trim().toLowerCase()];
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (!type?.ext.includes(ext)) throw new AppError("FILE_TYPE_REFUSED");
  if (bytes.length > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (type.magic && !type.magic.every((b, i) => bytes[i] === b))
    throw new AppError("FILE_TYPE_REFUSED");
  if (!type.magic && bytes.includes(0)) throw new AppError("FILE_TYPE_REFUSED");
}

/** The criteria still without an answer, a link, a file or a verified staff badge. */
export async function missingCriteria(q: Queryable, found: LoadedApplication): Promise<string[]> {
  const withFile = await listEvidencedCriteria(q, found.application.id);
  const keys = criteriaToAnswer(found.badge, found.application.kind).map((c) => c.key);
  return keys.filter((k) => {
    const a = found.application.answers[k];
    return !withFile.has(k) && !(a?.answer.trim() || a?.links.length);
  });
}

/**
 * The application as evidence may change it: readable, the applicant's to
 * edit, and the criterion one of its badge's.
 */
async function editableApplication(
  ctx: AppContext,
  principal: Reader["principal"],
  id: string,
  criterion?: string,
) {
  const found = await readableApplication(ctx, principal, id);
  transition(found.application.state, "edit", actorSide(principal!, found));
  if (criterion !== undefined)
    validAnswers(found.badge, found.application.kind, {
      [criterion]: { answer: "", links: [] },
    });
  return found;
}

/**
 * Evidence added to or taken from the file is an "edit": the application is
 * moved (its updatedAt) by the guarded update in the same transaction, so
 * that nothing lands in a file that was just sent or withdrawn.
 */
async function whileEditable<T>(
  ctx: AppContext,
  principal: Reader["principal"],
  found: LoadedApplication,
  change: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await moveApplication(tx, {
      found,
      event: "edit",
      actor: actorSide(principal!, found),
      set: { updatedAt: new Date() },
    });
    return change(tx);
  });
}

export async function addFile(
  ctx: AppContext,
  options: {
    caller: Caller;
    id: string;
    criterion: string;
    filename: string;
    contentType: string;
    bytes: Buffer;
  },
) {
  const {
    caller: { principal, user },
    id,
    bytes,
  } = options;
  const found = await editableApplication(ctx, principal, id, options.criterion);
  checkUpload(options.filename, options.contentType, bytes);
  return whileEditable(ctx, principal, found, (tx) =>
    insertFile(tx, {
      applicationId: id,
      criterion: options.criterion,
      filename: options.filename,
      contentType: options.contentType.split(";")[0]!.trim().toLowerCase(),
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      content: bytes,
      uploadedBy: user.id,
    }),
  );
}

/**
 * A badge held by the CFA's staff, as evidence for a criterion: given as a
 * URL, pasted JSON or JWT, or a baked image, and verified by the engine at
 * once. The result (and, when it fails, why) is kept with it for reviewers.
 */
export async function addStaffBadge(
  ctx: AppContext,
  options: { caller: Caller; id: string; criterion: string; holderName: string } & (
    | { text: string }
    | { image: { filename: string; bytes: Buffer } }
  ),
) {
  const {
    caller: { principal, user },
    id,
  } = options;
  const found = await editableApplication(ctx, principal, id, options.criterion);
  const text = "text" in options ? options.text.trim() : null;
  const report = await verifyInWorkers(
    ctx,
    "image" in options ? new Uint8Array(options.image.bytes) : text!,
  );
  assertStorable(report, "image" in options ? "image" : "text");
  return whileEditable(ctx, principal, found, (tx) =>
    insertStaffBadge(tx, {
      applicationId: id,
      criterion: options.criterion,
      holderName: options.holderName,
      source: "image" in options ? "image" : /^https?:\/\//i.test(text!) ? "url" : "text",
      input: "image" in options ? options.image.filename : text!.slice(0, 20_000),
      verified: report.verified,
      badgeName: report.summary.name ?? report.summary.achievementName ?? null,
      issuerName: report.summary.issuerName ?? null,
      problems: report.steps.filter((s) => s.status === "failed").map((s) => s.reason),
      addedBy: user.id,
    }),
  );
}

/** Takes a file or a staff badge out of the evidence (NOT_FOUND when it is not this application's). */
export async function removeEvidence(
  ctx: AppContext,
  options: { caller: Reader; id: string } & ({ fileId: string } | { badgeId: string }),
) {
  const {
    caller: { principal },
    id,
  } = options;
  const found = await editableApplication(ctx, principal, id);
  await whileEditable(ctx, principal, found, async (tx) => {
    const removed =
      "fileId" in options
        ? await deleteFile(tx, { applicationId: id, fileId: options.fileId })
        : await deleteStaffBadge(tx, { applicationId: id, badgeId: options.badgeId });
    if (!removed) throw new AppError("NOT_FOUND");
  });
}

/** An evidence file with its content, for whoever may read the application. */
export async function readFile(
  ctx: AppContext,
  options: { caller: Reader; id: string; fileId: string },
) {
  await readableApplication(ctx, options.caller.principal, options.id);
  const file = await findFile(ctx.db, { applicationId: options.id, fileId: options.fileId });
  if (!file) throw new AppError("NOT_FOUND");
  return file;
}
