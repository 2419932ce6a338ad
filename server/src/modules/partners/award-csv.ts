import type { AwardProblem, AwardRow } from "../../db/schema";
import { generatedReasons } from "../credentials/reasons";

export const MAX_AWARD_ROWS = 5000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits one CSV line on the separator, honouring double quotes ("a;b" and "" inside). */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/**
 * The people a partner awards a badge to, from a CSV as spreadsheets write it
 * (";" as French Excel does, or ","; an optional header line; a byte-order
 * mark). Columns: email, then the person's name. Every line that cannot be
 * used is reported with its number and why, in French (the reference, read in
 * the reader's language through credentials/reasons.ts); the same address twice
 * is kept once.
 */
export function parseAwardCsv(text: string): {
  rows: AwardRow[];
  problems: AwardProblem[];
  tooMany: boolean;
} {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim()) ?? "";
  const separator =
    (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: AwardRow[] = [];
  const problems: AwardProblem[] = [];
  const seen = new Set<string>();
  let headerSeen = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const [emailCell = "", ...rest] = cells(raw, separator);
    const email = emailCell.toLowerCase();
    const name = rest.filter(Boolean).join(" ").trim();
    if (!headerSeen && rows.length === 0 && problems.length === 0 && !email.includes("@")) {
      headerSeen = true;
      return;
    }
    headerSeen = true;
    if (!EMAIL.test(email)) {
      problems.push({ line, email: emailCell, reason: generatedReasons.csvEmailInvalid.fr });
      return;
    }
    if (seen.has(email)) {
      problems.push({ line, email, reason: generatedReasons.csvEmailTwice.fr });
      return;
    }
    seen.add(email);
    rows.push({ line, email, name: name || email.split("@")[0]! });
  });
  return { rows: rows.slice(0, MAX_AWARD_ROWS), problems, tooMany: rows.length > MAX_AWARD_ROWS };
}
