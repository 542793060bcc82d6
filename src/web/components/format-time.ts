/** Times as the person reads them: in their own time zone, in the browser's language. */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Mar 3, 9:14 AM" in the zone. */
export const formatDateTime = (instant: string | number | Date, timeZone: string) =>
  formatter(timeZone, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(instant));

/** "Mar 3" in the zone. */
export const formatDay = (instant: string | number | Date, timeZone: string) =>
  formatter(timeZone, { month: "short", day: "numeric" }).format(new Date(instant));

/** "9:14 AM" in the zone. */
export const formatTime = (instant: string | number | Date, timeZone: string) =>
  formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(new Date(instant));
