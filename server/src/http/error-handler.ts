import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  AppError,
  codeToStatus,
  type ErrorCode,
  errorMessage,
  type Locale,
  RateLimitError,
} from "../errors";
import { requestLocale } from "./locale";
import { isControlCharacterIssue } from "./text";

type Issue = { keyword: string; instancePath: string; params: Record<string, unknown> };

function issueMessage(issue: Issue, locale: Locale): string {
  const fr = locale === "fr";
  const p = issue.params;
  if (isControlCharacterIssue(p))
    return fr
      ? "Caractère de contrôle interdit (retirez-le ou retapez le texte)."
      : "Control character not allowed (remove it or retype the text).";
  switch (issue.keyword) {
    case "invalid_type":
      if (p.input === undefined)
        return fr ? "Ce champ est obligatoire." : "This field is required.";
      return fr ? "Valeur invalide." : "Invalid value.";
    case "too_small":
      if (p.origin === "string" && p.minimum === 1)
        return fr ? "Ce champ est obligatoire." : "This field is required.";
      if (p.origin === "string")
        return fr ? `Au moins ${p.minimum} caractères.` : `At least ${p.minimum} characters.`;
      if (p.origin === "array")
        return fr ? `Choisissez-en au moins ${p.minimum}.` : `Choose at least ${p.minimum}.`;
      return fr ? `La valeur minimale est ${p.minimum}.` : `The minimum is ${p.minimum}.`;
    case "too_big":
      if (p.origin === "string")
        return fr ? `Au plus ${p.maximum} caractères.` : `At most ${p.maximum} characters.`;
      return fr ? `La valeur maximale est ${p.maximum}.` : `The maximum is ${p.maximum}.`;
    case "invalid_format":
      if (p.format === "email") return fr ? "Adresse e-mail invalide." : "Invalid email address.";
      if (p.format === "url")
        return fr
          ? "Adresse web invalide (elle commence par https://)."
          : "Invalid web address (it starts with https://).";
      return fr ? "Format invalide." : "Invalid format.";
    case "invalid_value":
      return fr ? "Cette valeur n'est pas proposée." : "This value is not allowed.";
    case "unrecognized_keys":
      return fr ? "Champ inconnu." : "Unknown field.";
    default:
      return fr ? "Valeur invalide." : "Invalid value.";
  }
}

type BranchIssue = { code: string; path: (string | number)[] } & Record<string, unknown>;

/**
 * A union's issues (a body that is one badge or an array of them, an endorser
 * on Blason or outside it): those of the branch whose shape the input has, so
 * that a field is named; an object is not told that it is not an array.
 */
function unionIssues(issue: Issue): Issue[] {
  const branches = issue.params.errors as BranchIssue[][] | undefined;
  if (issue.keyword !== "invalid_union" || !Array.isArray(branches)) return [issue];
  const ofType = branches.filter(
    (b) => !b.some((i) => i.code === "invalid_type" && i.path.length === 0),
  );
  // Of several object branches, the one whose keys the input has (a strict
  // branch that finds keys it does not know is not the one meant).
  const shaped =
    ofType.length > 1
      ? ofType.filter((b) => !b.some((i) => i.code === "unrecognized_keys" && i.path.length === 0))
      : ofType;
  if (shaped.length !== 1) return [issue];
  const base = issue.instancePath === "/" ? "" : issue.instancePath;
  return shaped[0]!.flatMap(({ code, path, message: _message, ...params }) =>
    unionIssues({ keyword: code, instancePath: `${base}/${path.join("/")}`, params }),
  );
}

function fieldKey(instancePath: string): string {
  return instancePath.replace(/^\//, "").replaceAll("/", ".") || "body";
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: Record<string, string>,
) {
  const locale = requestLocale(request);
  const message = errorMessage(code, locale);
  // A field named without its own text carries the error's message.
  const named =
    fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v || message]));
  return reply.status(codeToStatus(code)).send({
    error: {
      code,
      message,
      requestId: request.id,
      ...(named && Object.keys(named).length > 0 ? { fields: named } : {}),
    },
  });
}

/** One place maps every failure to the API's error body. */
export function handleError(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof RateLimitError) reply.header("retry-after", String(error.retryAfterSeconds));
  if (error instanceof AppError) {
    if (error.code === "SERVICE_BUSY") reply.header("retry-after", "5");
    return sendError(request, reply, error.code, error.fields);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const locale = requestLocale(request);
    const fields: Record<string, string> = {};
    for (const issue of (error.validation as Issue[]).flatMap(unionIssues)) {
      const key = fieldKey(issue.instancePath);
      fields[key] ??= issueMessage(issue, locale);
    }
    return sendError(request, reply, "VALIDATION_FAILED", fields);
  }
  const status = (error as FastifyError).statusCode;
  if (status === 413) return sendError(request, reply, "PAYLOAD_TOO_LARGE");
  if (status === 429) return sendError(request, reply, "RATE_LIMITED");
  if (status === 404) return sendError(request, reply, "NOT_FOUND");
  if (status && status >= 400 && status < 500)
    return sendError(request, reply, "VALIDATION_FAILED");
  request.log.error({ err: error }, "unhandled error");
  return sendError(request, reply, "INTERNAL");
}
