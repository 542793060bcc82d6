import { describe, expect, it } from "vitest";
import {
  hashInvitationCode,
  newInvitationCode,
  normalizeInvitationCode,
} from "./invitation-code.ts";

describe("invitation codes", () => {
  it("are two groups of four readable characters, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newInvitationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeInvitationCode(code)).toBe(code.replace("-", ""));
    }
  });

  it("accept the code as people type it", () => {
    expect(normalizeInvitationCode(" 7kqm 3xvd ")).toBe("7KQM3XVD");
    expect(normalizeInvitationCode("oIl0-abcd")).toBe("0110ABCD");
  });

  it("refuse what cannot be a code", () => {
    expect(normalizeInvitationCode("7KQM-3XV")).toBeNull();
    expect(normalizeInvitationCode("7KQM-3XVU")).toBeNull();
    expect(normalizeInvitationCode("7KQM-3XV!")).toBeNull();
  });

  it("hash the canonical form, so typing variants meet the same stored code", () => {
    const a = normalizeInvitationCode("7kqm-3xvd");
    const b = normalizeInvitationCode("7KQM3XVD");
    expect(a).not.toBeNull();
    expect(hashInvitationCode(a!)).toBe(hashInvitationCode(b!));
    expect(hashInvitationCode(a!)).not.toBe(hashInvitationCode("7KQM3XVE"));
  });
});
