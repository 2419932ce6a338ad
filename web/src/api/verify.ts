/** The public verifier: any Open Badge, sent as it is, answered by a report of steps. */
import { verifyBadge as sendToVerifier } from "./client";
import type { ResponseOf } from "./http";

export type VerificationReport = ResponseOf<"/api/verify", "post">;
export type VerificationStep = VerificationReport["steps"][number];
export type VerificationSummary = VerificationReport["summary"];

/**
 * POST /api/verify with the badge as its own content type (client.ts sends
 * it: the body is a file or raw text, not JSON); `recipient` is the expected holder.
 */
export const verifyBadge = (body: Blob | string, recipient?: string): Promise<VerificationReport> =>
  sendToVerifier(body, recipient);
