import { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import { ApiFailure, api } from "../api.ts";
import type { OutboxEntry } from "./outbox-entry.ts";
import { entriesOf, putEntry, removeEntry } from "./outbox-store.ts";
import { decideAfterSend, dueEntries, type SendOutcome } from "./reply-decision.ts";

/** What one round of sending did. */
export interface FlushResult {
  /** Entries the server stored, with its answer and how many warnings that carried. */
  sent: { entry: OutboxEntry; reply: unknown; warnings: number }[];
  /** Why it stopped early, if it did. */
  stopped: "offline" | "signed-out" | "other-person" | null;
}

function outcomeOf(error: unknown): SendOutcome {
  if (error instanceof ApiFailure && error.status !== 0) {
    // The fields say it best ("takenAt: is in the future ..."); the message repeats them.
    const fields = error.fields.map((f) => `${f.field.replace(/^body\./, "")}: ${f.message}`);
    return {
      kind: "reply",
      status: error.status,
      code: error.code,
      message: fields.length > 0 ? fields.join("; ") : error.message,
    };
  }
  return {
    kind: "network",
    message: error instanceof Error ? error.message : "Mitra could not reach the server.",
  };
}

async function flush(userId: string, onSending: () => void): Promise<FlushResult> {
  const result: FlushResult = { sent: [], stopped: null };
  const due = dueEntries(await entriesOf(userId), userId, new Date());
  if (due.length === 0) return result;

  // Ask who this session belongs to first: it also brings the session's CSRF token after an
  // offline start. Entries are only ever sent under their own person's session.
  try {
    // Not through api-client.ts, which imports the outbox (to refresh reads after a send).
    const me = await api<RouteOutput<typeof contract.getMe>>("GET", contract.getMe.path);
    if (me.user.id !== userId) return { ...result, stopped: "other-person" };
  } catch (error) {
    const outcome = outcomeOf(error);
    const signedOut = outcome.kind === "reply" && outcome.status === 401;
    const unreachable =
      outcome.kind === "network" || (outcome.kind === "reply" && outcome.status >= 500);
    // Anything else from /api/me is not about these entries: leave them as they are.
    if (!signedOut && !unreachable) return { ...result, stopped: "offline" };
    for (const entry of due) {
      const d = decideAfterSend(entry, outcome, new Date());
      // The entry was not sent: an attempt that never left is not counted against it.
      if (d.action === "update") await putEntry({ ...d.entry, attempts: entry.attempts });
    }
    return { ...result, stopped: signedOut ? "signed-out" : "offline" };
  }

  // One at a time, oldest first, each with its original client id in the body.
  onSending();
  for (const entry of due) {
    let outcome: SendOutcome;
    let warnings = 0;
    let reply: { warnings?: unknown[] } | undefined;
    try {
      reply = await api<{ warnings?: unknown[] }>(entry.method, entry.path, entry.body);
      warnings = Array.isArray(reply?.warnings) ? reply.warnings.length : 0;
      outcome = { kind: "reply", status: 200, message: "" };
    } catch (error) {
      outcome = outcomeOf(error);
    }
    const decision = decideAfterSend(entry, outcome, new Date());
    if (decision.action === "remove") {
      await removeEntry(entry.id);
      result.sent.push({ entry, reply, warnings });
      continue;
    }
    await putEntry(decision.entry);
    if (decision.stop) {
      result.stopped = decision.entry.state === "needs-sign-in" ? "signed-out" : "offline";
      break;
    }
  }
  return result;
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends `userId`'s due entries (`onSending` is called once the session is confirmed and sending
 * starts). One round at a time in this tab, and (where the browser has Web
 * Locks) in all the app's tabs; a repeat would be harmless anyway, the server keeps one record
 * per client id.
 */
export function flushOutbox(
  userId: string,
  onSending: () => void = () => {},
): Promise<FlushResult> {
  running ??= (async () => {
    try {
      if (typeof navigator !== "undefined" && navigator.locks) {
        return await navigator.locks.request("mitra-outbox", () => flush(userId, onSending));
      }
      return await flush(userId, onSending);
    } finally {
      running = null;
    }
  })();
  return running;
}
