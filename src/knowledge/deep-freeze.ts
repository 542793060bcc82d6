/**
 * Freeze a parsed knowledge file and everything in it, so a caller that mutates a shared record
 * fails loudly instead of changing what every other caller sees.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
