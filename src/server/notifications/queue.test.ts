import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { findNotificationEvent, insertNotificationEvent } from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../../testing/test-databases.ts";
import { createNotificationQueue, type NotificationQueue } from "./queue.ts";

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? "public";
}

/** Writes a test event and its job in one transaction; returns its id. */
function enqueueTestEvent(db: Kysely<Database>, queue: NotificationQueue): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const eventId = await insertNotificationEvent(trx, {
      kind: "test",
      subjectId: null,
      now: new Date(),
    });
    if (!eventId) throw new Error("event not written");
    await queue.enqueue(trx, eventId, new Date());
    return eventId;
  });
}

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe.each(engines)("the notification queue (%s)", (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it("stop waits for the delivery in hand and settles it before the database closes", async (ctx) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return ctx.skip();
    database = await createTestDatabase(engine);
    const { db } = database;
    const started = gate();
    const release = gate();
    const errors: unknown[] = [];
    const queue = createNotificationQueue({
      db,
      engine,
      deliver: async () => {
        started.open();
        await release.opened;
        return null;
      },
      retry: { attempts: 2, firstDelayMs: 100 },
      onError: (error) => errors.push(error),
    });
    await queue.start();
    const id = await enqueueTestEvent(db, queue);
    await started.opened;

    let stopped = false;
    const stopping = queue.stop().then(() => {
      stopped = true;
    });
    // Longer than pg-boss's own stop timeout (5 s), which once let stop return mid-delivery.
    await new Promise((resolve) => setTimeout(resolve, engine === "postgres" ? 5_500 : 300));
    expect(stopped).toBe(false);
    release.open();
    await stopping;

    // Settled before stop returned: closing the database now leaves nothing running on it.
    expect((await findNotificationEvent(db, id))?.state).toBe("delivered");
    if (engine === "postgres") {
      const { rows } = await sql<{ state: string }>`
        select state from ${sql.id(`${await currentSchema(db)}_jobs`, "job")} where id = ${id}`.execute(
        db,
      );
      expect(rows.map((r) => r.state)).toEqual(["completed"]);
    }
    await database.destroy();
    database = undefined;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(errors).toEqual([]);
  });

  it("holds an event it is told to hold, without using up a try, then runs it again", async (ctx) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return ctx.skip();
    database = await createTestDatabase(engine);
    const { db } = database;
    const runs: number[] = [];
    const done = gate();
    const queue = createNotificationQueue({
      db,
      engine,
      deliver: async () => {
        runs.push(Date.now());
        if (runs.length < 3) return 700;
        done.open();
        return null;
      },
      retry: { attempts: 1, firstDelayMs: 100 },
    });
    await queue.start();
    const id = await enqueueTestEvent(db, queue);
    await done.opened;
    await queue.stop();
    // Two holds on a policy of one try: neither counted as a failure, and each waited.
    expect(runs).toHaveLength(3);
    for (let i = 1; i < runs.length; i++) {
      expect((runs[i] ?? 0) - (runs[i - 1] ?? 0)).toBeGreaterThanOrEqual(650);
    }
    const event = await findNotificationEvent(db, id);
    expect(event?.state).toBe("delivered");
    expect(event?.attempts).toBe(1);
  });
});
