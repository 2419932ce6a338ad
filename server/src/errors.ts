import { applicationErrors } from "./errors/applications";
import { catalogueErrors } from "./errors/catalogue";
import { credentialErrors } from "./errors/credentials";
import { endorsementErrors } from "./errors/endorsements";
import { mentoringErrors } from "./errors/mentoring";
import { oauthErrors } from "./errors/oauth";
import { partnerErrors } from "./errors/partners";
import { requestErrors } from "./errors/requests";
import { supportErrors } from "./errors/support";
import { verificationErrors } from "./errors/verification";
import { walletErrors } from "./errors/wallets";

export type Locale = "fr" | "en";

/**
 * Every error the API can answer, with its HTTP status and its message in
 * both languages. Domain code throws `AppError(code)`; one handler maps it.
 */
const catalogue = {
  ...requestErrors,
  ...credentialErrors,
  ...catalogueErrors,
  ...supportErrors,
  ...partnerErrors,
  ...oauthErrors,
  ...applicationErrors,
  ...verificationErrors,
  ...mentoringErrors,
  ...walletErrors,
  ...endorsementErrors,
} as const;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly details?: string,
  ) {
    super(details ?? code);
    this.name = "AppError";
  }
}

/** Too many attempts: the answer (429) says in Retry-After when to try again. */
export class RateLimitError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED");
    this.name = "RateLimitError";
  }
}

export function codeToStatus(code: ErrorCode): number {
  return catalogue[code][0];
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = catalogue[code];
  return locale === "en" ? entry[2] : entry[1];
}

/** A French error message, as stored with a record, in `locale`; undefined when it is not one. */
export function translateErrorMessage(french: string, locale: Locale): string | undefined {
  for (const entry of Object.values(catalogue) as (readonly [number, string, string])[])
    if (entry[1] === french) return locale === "en" ? entry[2] : entry[1];
  return undefined;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(catalogue, value);
}
