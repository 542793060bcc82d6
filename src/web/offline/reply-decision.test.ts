import { describe, expect, it } from "vitest";
import { newOutboxEntry, type OutboxEntry } from "./outbox-entry.ts";
import { decideAfterSend, dueEntries, msUntilNextAttempt, retryDelayMs } from "./reply-decision.ts";

const now = new Date("2026-12-01T10:00:00.000Z");

function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    ...newOutboxEntry({
      userId: "user-a",
      kind: "dose",
      path: "/api/ingestions",
      body: { id: "dose-1", substance: "kratom-leaf", amount: 2, unit: "g" },
      summary: "2 g Kratom leaf powder",
      now: new Date("2026-12-01T09:00:00.000Z"),
    }),
    ...overrides,
  };
}

describe("what to do with the server's reply", () => {
  it("removes the entry on 200 and 201 (a repeated client id answers 200)", () => {
    expect(decideAfterSend(entry(), { kind: "reply", status: 201, message: "" }, now)).toEqual({
      action: "remove",
    });
    expect(decideAfterSend(entry(), { kind: "reply", status: 200, message: "" }, now)).toEqual({
      action: "remove",
    });
  });

  it("keeps it for after sign-in on 401, and stops sending the rest", () => {
    const d = decideAfterSend(entry(), { kind: "reply", status: 401, message: "no" }, now);
    expect(d.action).toBe("update");
    if (d.action !== "update") return;
    expect(d.stop).toBe(true);
    expect(d.entry.state).toBe("needs-sign-in");
    expect(d.entry.attempts).toBe(1);
  });

  it("keeps a refused entry (other 4xx) with the server's message, and goes on with the rest", () => {
    const d = decideAfterSend(
      entry(),
      { kind: "reply", status: 400, message: "amount: enter an amount above 0" },
      now,
    );
    expect(d).toMatchObject({
      action: "update",
      stop: false,
      entry: { state: "needs-attention", lastError: "amount: enter an amount above 0" },
    });
    for (const status of [403, 404, 409, 422]) {
      const x = decideAfterSend(entry(), { kind: "reply", status, message: "m" }, now);
      expect(x.action === "update" && x.entry.state).toBe("needs-attention");
    }
  });

  it("retries later, with growing waits, after no connection or a server fault", () => {
    const first = decideAfterSend(entry(), { kind: "network", message: "offline" }, now);
    expect(first).toMatchObject({
      action: "update",
      stop: true,
      entry: { state: "waiting", attempts: 1, lastError: "offline" },
    });
    if (first.action !== "update") return;
    expect(Date.parse(first.entry.nextAttemptAt) - now.getTime()).toBe(5_000);
    const second = decideAfterSend(first.entry, { kind: "reply", status: 503, message: "x" }, now);
    if (second.action !== "update") throw new Error("expected update");
    expect(second.entry.state).toBe("waiting");
    expect(Date.parse(second.entry.nextAttemptAt) - now.getTime()).toBe(10_000);
    for (const status of [408, 429, 500]) {
      const x = decideAfterSend(entry(), { kind: "reply", status, message: "m" }, now);
      expect(x.action === "update" && x.entry.state).toBe("waiting");
    }
    const csrf = decideAfterSend(
      entry(),
      { kind: "reply", status: 403, code: "csrf", message: "m" },
      now,
    );
    expect(csrf.action === "update" && csrf.entry.state).toBe("waiting");
  });

  it("backs off 5 s, 10 s, 20 s ... and never waits more than 5 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(10)).toBe(300_000);
    expect(retryDelayMs(10_000)).toBe(300_000);
  });
});

describe("which entries go now", () => {
  const a1 = entry({ id: "a1", createdAt: "2026-12-01T09:00:00.000Z" });
  const a0 = entry({ id: "a0", createdAt: "2026-12-01T08:00:00.000Z" });
  const b = entry({ id: "b", userId: "user-b" });
  const later = entry({ id: "later", nextAttemptAt: "2026-12-01T10:00:30.000Z" });
  const refused = entry({ id: "refused", state: "needs-attention" });
  const signIn = entry({ id: "sign-in", state: "needs-sign-in" });

  it("sends only the signed-in person's due entries, oldest first", () => {
    const due = dueEntries([a1, b, later, refused, a0, signIn], "user-a", now);
    expect(due.map((e) => e.id)).toEqual(["a0", "a1", "sign-in"]);
    expect(dueEntries([a1, b], "user-b", now).map((e) => e.id)).toEqual(["b"]);
    expect(dueEntries([a1, a0], "user-c", now)).toEqual([]);
  });

  it("says when to try next", () => {
    expect(msUntilNextAttempt([later, b], "user-a", now)).toBe(30_000);
    expect(msUntilNextAttempt([a1], "user-a", now)).toBe(0);
    expect(msUntilNextAttempt([refused, b], "user-a", now)).toBeNull();
  });
});
