/** "3 h ago", "2 days ago": how long ago an instant was, as of `now`; "never" for none. */
export function timeAgo(instant: string | null, now: Date): string {
  if (instant === null) return "never";
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(instant)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
