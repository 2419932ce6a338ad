import { type AppError, codeToStatus, errorMessage, type Locale } from "../../errors";

/** imsx_StatusInfo's code minor values for the answers this API gives. */
const codeMinorOf = (status: number) =>
  status === 401
    ? "unauthorizedrequest"
    : status === 403
      ? "forbidden"
      : status === 404
        ? "not_found"
        : status === 400
          ? "invalid_data"
          : status === 503
            ? "server_busy"
            : "internal_server_error";

/** An error as the Open Badges 3.0 API answers it (1EdTech's imsx_StatusInfo). */
export function statusInfo(status: number, description: string) {
  return {
    imsx_codeMajor: "failure" as const,
    imsx_severity: "error" as const,
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [
        {
          imsx_codeMinorFieldName: "TargetEndSystem",
          imsx_codeMinorFieldValue: codeMinorOf(status),
        },
      ],
    },
  };
}

export const statusInfoOf = (error: AppError, locale: Locale) =>
  statusInfo(codeToStatus(error.code), errorMessage(error.code, locale));

/** A stored badge in the API: a compact JWS stays one, JSON is given back as it came. */
export type StoredCredential = { kind: "jws"; text: string } | { kind: "json"; text: string };

export function storedOf(source: string): StoredCredential {
  return source.trimStart().startsWith("{")
    ? { kind: "json", text: source }
    : { kind: "jws", text: source.trim() };
}

/**
 * GET /credentials' body, written by hand so that each JSON credential keeps the
 * exact bytes it was stored with (JSON.stringify of a parsed copy would not).
 */
export function credentialsBody(items: StoredCredential[]): string {
  const json = items.filter((i) => i.kind === "json").map((i) => i.text);
  const jws = items.filter((i) => i.kind === "jws").map((i) => JSON.stringify(i.text));
  return `{"credential":[${json.join(",")}],"compactJwsString":[${jws.join(",")}]}`;
}
