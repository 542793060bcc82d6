/**
 * One write made while the server could not be reached, kept on this device until it is sent.
 * The body carries the client-generated id the form made, so sending it again never stores the
 * record twice.
 */
export type OutboxKind = "dose" | "check-in";

/**
 * `waiting`: will be sent when the connection is back (after `nextAttemptAt`).
 * `needs-sign-in`: the server said the session is gone; sent once this person signs in again.
 * `needs-attention`: the server refused it (4xx other than 401); kept, with the server's message,
 * until the person retries or discards it. Never dropped silently.
 */
export type OutboxState = "waiting" | "needs-sign-in" | "needs-attention";

export interface OutboxEntry {
  /** The record's own client id (also inside `body`): one outbox entry per record. */
  id: string;
  /** Whose entry this is. Only ever sent under this person's session. */
  userId: string;
  kind: OutboxKind;
  method: "POST";
  path: string;
  body: Record<string, unknown>;
  /** What the person logged, in their words, for the status list ("2 g Kratom leaf powder"). */
  summary: string;
  /** ISO time the entry was made; entries are sent oldest first. */
  createdAt: string;
  attempts: number;
  state: OutboxState;
  /** ISO time before which no new attempt is made (backoff after a failure). */
  nextAttemptAt: string;
  lastError: string | null;
}

export function newOutboxEntry(input: {
  userId: string;
  kind: OutboxKind;
  path: string;
  body: Record<string, unknown> & { id: string };
  summary: string;
  now: Date;
}): OutboxEntry {
  const at = input.now.toISOString();
  return {
    id: input.body.id,
    userId: input.userId,
    kind: input.kind,
    method: "POST",
    path: input.path,
    body: input.body,
    summary: input.summary,
    createdAt: at,
    attempts: 0,
    state: "waiting",
    nextAttemptAt: at,
    lastError: null,
  };
}
