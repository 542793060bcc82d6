import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

export interface PurgedNotifications {
  /** In-app entries read before the cutoff. */
  read: number;
  /** Outbox events delivered or dead before the cutoff, with what their channels were handed. */
  events: number;
}

/**
 * Deletes what notifications no longer need, older than `before`: in-app entries read before it,
 * then outbox events delivered or dead before it that no unread entry still points to (an unread
 * entry stays until read). Pending events are never touched. Safe to run on several instances.
 */
export async function purgeNotifications(
  db: Kysely<Database>,
  before: Date,
): Promise<PurgedNotifications> {
  const cutoff = before.toISOString();
  const read = await db
    .deleteFrom("notifications")
    .where("read_at", "is not", null)
    .where("read_at", "<", cutoff)
    .executeTakeFirst();
  const finished = db
    .selectFrom("notification_events as e")
    .select("e.id")
    .where("e.state", "in", ["delivered", "dead"])
    .where("e.finished_at", "<", cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom("notifications as n").select("n.id").whereRef("n.event_id", "=", "e.id")),
      ),
    );
  const events = await inTransaction(db, async (trx) => {
    await trx.deleteFrom("notification_deliveries").where("event_id", "in", finished).execute();
    return trx.deleteFrom("notification_events").where("id", "in", finished).executeTakeFirst();
  });
  return { read: Number(read.numDeletedRows), events: Number(events.numDeletedRows) };
}
