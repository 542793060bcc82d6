import { ApiFailure, api } from "../api.ts";
import { newOutboxEntry, type OutboxEntry, type OutboxKind } from "./outbox-entry.ts";
import { putEntry } from "./outbox-store.ts";

/** Either the server's answer, or the entry kept on this device to send later. */
export type SentOrKept<T> = { sent: T; kept?: undefined } | { kept: OutboxEntry; sent?: undefined };

/**
 * POSTs a new record; when the server cannot be reached, keeps it in the outbox instead (with
 * the same client id, so a send that did arrive is not stored twice when the outbox sends it
 * again). Any answer from the server, including a refusal, is thrown as before.
 */
export async function postOrKeep<T>(input: {
  userId: string;
  kind: OutboxKind;
  path: string;
  body: Record<string, unknown> & { id: string };
  summary: string;
}): Promise<SentOrKept<T>> {
  try {
    return { sent: await api<T>("POST", input.path, input.body) };
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.status !== 0) throw error;
    const entry = newOutboxEntry({ ...input, now: new Date() });
    try {
      await putEntry(entry);
    } catch (storeError) {
      console.warn(storeError);
      throw error;
    }
    return { kept: entry };
  }
}
