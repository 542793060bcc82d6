/** How the dose log writes amounts and times for people. */

/** "2.5 g", "4 capsules", "1 drink": at most three decimals, plural counts. */
export function formatDose(amount: number, unit: string): string {
  const n = Number(amount.toFixed(3)).toString();
  const counted = !["mcg", "mg", "g", "ml"].includes(unit);
  return `${n} ${counted && amount !== 1 ? `${unit}s` : unit}`;
}

/** The value a datetime-local input shows for an instant, in the browser's own clock. */
export function toLocalInputValue(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}`
  );
}

/** The instant a datetime-local value means in the browser's clock; null when unreadable. */
export function fromLocalInputValue(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { timeZone, ...options });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", ...options });
    }
    formatters.set(key, f);
  }
  return f;
}

/** "9:14 AM" in the person's zone. */
export const formatClock = (instant: string | Date, timeZone: string) =>
  formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(new Date(instant));

/** "Monday 3 March" for a calendar day (YYYY-MM-DD). */
export function formatCalendarDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatter("UTC", { weekday: "long", day: "numeric", month: "long" }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}
