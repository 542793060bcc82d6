import { createHash, randomInt } from "node:crypto";

/**
 * Invitation codes a person can read aloud or type: 8 characters of Crockford's base 32 (no I,
 * L, O or U, so nothing looks or sounds alike), shown as two groups of four, e.g. `7KQM-3XVD`.
 * That is 40 bits: guessing one of the few live codes online is hopeless within their 24 hours.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 8;

/** How long an invitation can be used. */
export const INVITATION_TTL_HOURS = 24;

export function newInvitationCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code as typed, made canonical: case, spaces and dashes do not matter, and the letters
 * people confuse with digits count as those digits (O as 0, I and L as 1). Null when it cannot be
 * a code at all.
 */
export function normalizeInvitationCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** What is stored: the SHA-256 of the canonical code. */
export function hashInvitationCode(canonical: string): string {
  return createHash("sha256").update(canonical).digest("base64url");
}
