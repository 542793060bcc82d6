import { useCallback, useEffect, useState } from "react";
import { useOnline } from "../components/use-online.ts";
import type { OutboxEntry } from "./outbox-entry.ts";
import { flushOutbox } from "./outbox-sender.ts";
import { countEntries } from "./outbox-status.ts";
import { putEntry, removeEntry } from "./outbox-store.ts";
import { msUntilNextAttempt } from "./reply-decision.ts";
import { useKeptEntries } from "./use-kept-entries.ts";

/**
 * Fired on `window` after kept entries reached the server (a CustomEvent whose detail is
 * FlushResult["sent"]), so lists load again and a page still showing the entry shows the answer.
 */
export const OUTBOX_SENT_EVENT = "mitra:outbox-sent";

/** Never retry sooner than this, whatever the entries say. */
const SHORTEST_WAIT_MS = 2_000;

export interface SentNotice {
  text: string;
  withWarnings: boolean;
  /** A sent dose had warnings: Today lists them (a check-in's show where it was made). */
  doseWarnings: boolean;
}

export interface Outbox {
  entries: OutboxEntry[];
  sending: boolean;
  online: boolean;
  notice: SentNotice | null;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
}

/**
 * The signed-in person's outbox: its entries (kept up to date across tabs), and sending them
 * on start, when the browser comes back online, and again while any wait (with backoff).
 */
export function useOutbox(userId: string): Outbox {
  const entries = useKeptEntries(userId);
  const [sending, setSending] = useState(false);
  const online = useOnline();
  const [notice, setNotice] = useState<SentNotice | null>(null);

  const send = useCallback(async () => {
    if (!navigator.onLine) return;
    try {
      const result = await flushOutbox(userId, () => setSending(true));
      if (result.sent.length > 0) {
        const warned = result.sent.filter((s) => s.warnings > 0);
        setNotice({
          text: `${countEntries(result.sent.map((s) => s.entry))} sent${
            warned.length > 0 ? ", with warnings" : ""
          }.`,
          withWarnings: warned.length > 0,
          doseWarnings: warned.some((s) => s.entry.kind === "dose"),
        });
        window.dispatchEvent(new CustomEvent(OUTBOX_SENT_EVENT, { detail: result.sent }));
      }
    } catch (error) {
      console.warn(error);
    } finally {
      setSending(false);
    }
  }, [userId]);

  // On start, and each time the connection comes back.
  useEffect(() => {
    if (online) void send();
  }, [online, send]);

  // Entries became readable (this person's key came back with their sign-in): try them now.
  const readable = entries.length > 0;
  useEffect(() => {
    if (readable) void send();
  }, [readable, send]);

  // While entries wait, try again when the next one is due.
  useEffect(() => {
    const wait = msUntilNextAttempt(entries, userId, new Date());
    if (wait === null || !online) return;
    const timer = setTimeout(() => void send(), Math.max(SHORTEST_WAIT_MS, wait));
    return () => clearTimeout(timer);
  }, [entries, userId, online, send]);

  // The "sent" line is news only for a while.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 20_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const retry = useCallback(
    async (id: string) => {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return;
      await putEntry({ ...entry, state: "waiting", nextAttemptAt: new Date().toISOString() });
      await send();
    },
    [entries, send],
  );

  const discard = useCallback(async (id: string) => {
    await removeEntry(id);
  }, []);

  return { entries, sending, online, notice, retry, discard };
}
