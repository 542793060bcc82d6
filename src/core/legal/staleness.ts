/**
 * Whether a record last checked on `asOf` (YYYY-MM-DD) is older than `months` calendar months at
 * `now`. A record exactly `months` old is stale. The month is counted in UTC; a day that does not
 * exist in the target month (31 January + 1 month) falls on that month's last day.
 */
export function isStale(asOf: string, now: Date, months = 12): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (match === null) throw new RangeError(`as_of must be YYYY-MM-DD, got "${asOf}"`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const targetMonthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonthIndex + 1, 0)).getUTCDate();
  const dueAt = Date.UTC(y, targetMonthIndex, Math.min(d, lastDay));
  return now.getTime() >= dueAt;
}
