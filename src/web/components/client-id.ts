/**
 * A uuid (version 4) made in the browser for a new record, so a retried save is never stored
 * twice. `crypto.randomUUID` exists only in secure contexts (HTTPS or localhost); a self-hosted
 * Mitra reached over plain HTTP on a home network still needs ids, so fall back to
 * `crypto.getRandomValues`, which is available everywhere.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
