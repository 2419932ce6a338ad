import type { ApplicationState, ApplicationSummary } from "../../api/applications";
import { sessionLabel } from "../../i18n";

/**
 * Where a row of the list goes: its session, or, without one, the partners'
 * requests decided as they come, the drafts not sent yet, or (sent without a
 * session, which a label application never is) a group of their own.
 */
export function groupOf(row: ApplicationSummary, t: (key: string) => string, lang: string) {
  if (row.session)
    return { key: `session:${row.session.name}`, title: sessionLabel(row.session, lang) };
  if (row.intake === "continuous")
    return { key: "continuous", title: t("applications.continuous") };
  if (row.state === "draft") return { key: "drafts", title: t("applications.noSession") };
  return { key: "none", title: t("applications.withoutSession") };
}

/** The list's rows by group, in the order the server sent them. */
export function groupRows(rows: ApplicationSummary[], t: (key: string) => string, lang: string) {
  const groups = new Map<string, { title: string; apps: ApplicationSummary[] }>();
  for (const row of rows) {
    const group = groupOf(row, t, lang);
    const apps = groups.get(group.key)?.apps ?? [];
    groups.set(group.key, { title: group.title, apps: [...apps, row] });
  }
  return [...groups];
}

/** Who a decision's reasons are sent to: a CFA, a UFA, a partner organisation, or any other. */
export const recipientKind = (kind: string) =>
  kind === "cfa" || kind === "ufa" || kind === "partner" ? kind : "other";

/** The server's refusals for a badge the organisation already holds. */
export const heldCodes = ["BADGE_ALREADY_HELD", "BADGE_RENEWAL_DUE"];

/** Every state of an application, in the order of its life (the queue's filter lists them). */
export const applicationStates = [
  "draft",
  "submitted",
  "under_review",
  "revision_requested",
  "granted",
  "refused",
  "withdrawn",
] as const satisfies readonly ApplicationState[];
