/**
 * Wall-clock dates in a time zone, without a date library: the offset of a
 * zone at an instant comes from Intl, and a local midnight is found by
 * correcting a first guess with the offset in force at that guess.
 */
export const PARIS = "Europe/Paris";

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant at which `date` (YYYY-MM-DD) begins in the zone. */
export function startOfLocalDay(date: string, timeZone = PARIS): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${date}`);
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // Around a change of offset the first correction can land on the other side.
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The day after `date`, as YYYY-MM-DD. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The first instant after the whole of `date` in the zone: a deadline "on" that day ends here. */
export function endOfLocalDay(date: string, timeZone = PARIS): Date {
  return startOfLocalDay(nextDay(date), timeZone);
}

/** The calendar date of an instant in the zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone = PARIS): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
