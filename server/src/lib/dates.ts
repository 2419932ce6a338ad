/** The same instant `months` calendar months later (UTC), as validities and windows count them. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
