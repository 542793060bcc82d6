import { describe, expect, it } from "vitest";
import { newClientId } from "./client-id.ts";

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newClientId", () => {
  it("makes a version 4 uuid", () => {
    expect(newClientId()).toMatch(uuidV4);
  });

  it("makes a version 4 uuid without crypto.randomUUID (plain HTTP)", () => {
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      expect(crypto.randomUUID).toBeUndefined();
      const ids = new Set(Array.from({ length: 200 }, () => newClientId()));
      expect(ids.size).toBe(200);
      for (const id of ids) expect(id).toMatch(uuidV4);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
