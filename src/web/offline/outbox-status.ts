import type { OutboxEntry, OutboxKind } from "./outbox-entry.ts";

const NOUNS: Record<OutboxKind, [string, string]> = {
  dose: ["dose", "doses"],
  "check-in": ["check-in", "check-ins"],
};

/** "1 dose", "2 doses and 1 check-in", "" for none. */
export function countEntries(entries: OutboxEntry[]): string {
  const parts: string[] = [];
  for (const kind of ["dose", "check-in"] as OutboxKind[]) {
    const n = entries.filter((e) => e.kind === kind).length;
    if (n > 0) parts.push(`${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`);
  }
  return parts.join(" and ");
}

export interface OutboxSummary {
  /** The one line shown and announced, or null when nothing of this person's waits. */
  line: string | null;
  tone: "waiting" | "sending" | "attention" | null;
  waiting: OutboxEntry[];
  needsAttention: OutboxEntry[];
  needsSignIn: OutboxEntry[];
}

/** What the status line says about `userId`'s entries (never anyone else's). */
export function summarizeOutbox(
  entries: OutboxEntry[],
  userId: string,
  sending: boolean,
): OutboxSummary {
  const own = entries.filter((e) => e.userId === userId);
  const waiting = own.filter((e) => e.state === "waiting");
  const needsSignIn = own.filter((e) => e.state === "needs-sign-in");
  const needsAttention = own.filter((e) => e.state === "needs-attention");
  const pending = [...waiting, ...needsSignIn];
  const parts: string[] = [];
  let tone: OutboxSummary["tone"] = null;
  if (sending && pending.length > 0) {
    parts.push(`Sending ${countEntries(pending)}…`);
    tone = "sending";
  } else if (needsSignIn.length > 0) {
    parts.push(`${countEntries(pending)} waiting: sign in again to send`);
    tone = "waiting";
  } else if (waiting.length > 0) {
    parts.push(`${countEntries(waiting)} waiting to be sent`);
    tone = "waiting";
  }
  if (needsAttention.length > 0) {
    parts.push(`${countEntries(needsAttention)} not accepted: needs attention`);
    tone = "attention";
  }
  return {
    line: parts.length > 0 ? parts.join(". ") : null,
    tone,
    waiting,
    needsAttention,
    needsSignIn,
  };
}
