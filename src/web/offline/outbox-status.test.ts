import { describe, expect, it } from "vitest";
import { newOutboxEntry, type OutboxEntry, type OutboxKind } from "./outbox-entry.ts";
import { countEntries, summarizeOutbox } from "./outbox-status.ts";

let n = 0;
function entry(kind: OutboxKind, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  n += 1;
  return {
    ...newOutboxEntry({
      userId: "user-a",
      kind,
      path: kind === "dose" ? "/api/ingestions" : "/api/assessments",
      body: { id: `id-${n}` },
      summary: kind,
      now: new Date("2026-12-01T09:00:00.000Z"),
    }),
    ...overrides,
  };
}

describe("the outbox status line", () => {
  it("counts doses and check-ins in words", () => {
    expect(countEntries([entry("dose")])).toBe("1 dose");
    expect(countEntries([entry("dose"), entry("check-in"), entry("dose")])).toBe(
      "2 doses and 1 check-in",
    );
    expect(countEntries([])).toBe("");
  });

  it("says what waits, what is being sent, and what needs attention", () => {
    expect(summarizeOutbox([], "user-a", false).line).toBeNull();
    expect(summarizeOutbox([entry("dose")], "user-a", false)).toMatchObject({
      line: "1 dose waiting to be sent",
      tone: "waiting",
    });
    expect(summarizeOutbox([entry("dose")], "user-a", true)).toMatchObject({
      line: "Sending 1 dose…",
      tone: "sending",
    });
    const mixed = [
      entry("dose"),
      entry("check-in", { state: "needs-attention", lastError: "bad" }),
    ];
    expect(summarizeOutbox(mixed, "user-a", false)).toMatchObject({
      line: "1 dose waiting to be sent. 1 check-in not accepted: needs attention",
      tone: "attention",
    });
    expect(summarizeOutbox([entry("dose", { state: "needs-sign-in" })], "user-a", false).line).toBe(
      "1 dose waiting: sign in again to send",
    );
  });

  it("never mentions another person's entries", () => {
    const s = summarizeOutbox([entry("dose"), entry("check-in")], "user-b", false);
    expect(s.line).toBeNull();
    expect(s.waiting).toEqual([]);
  });
});
