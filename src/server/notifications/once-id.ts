import { createHash } from "node:crypto";

/**
 * A UUID derived from `key`: the same on every instance, so an event that must happen once (a
 * reminder's slot, one sign-up notice an hour) is written once whoever writes it.
 */
export function onceId(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
