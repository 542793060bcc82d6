import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { insertTestUser } from "../testing/test-users.ts";
import {
  deleteIngestion,
  findIngestion,
  insertIngestion,
  listIngestions,
  type NewIngestion,
  safetyHistory,
  toSafetyIngestion,
} from "./ingestions.ts";

const reachable = await isPostgresReachable();

describe.each(engines)("ingestions repository on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;
  beforeAll(async () => {
    if (!skip) handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  const newUser = () => insertTestUser(handle.db);

  const dose = (userId: string, takenAt: string, extra: Partial<NewIngestion> = {}) =>
    ({
      id: randomUUID(),
      userId,
      substanceId: "kratom-leaf",
      substanceName: null,
      customClasses: null,
      productId: null,
      productInfo: null,
      amount: 2.5,
      unit: "g",
      route: null,
      takenAt: new Date(takenAt),
      notes: null,
      canonical: { amount: 2.5, unit: "g", pool: "kratom-leaf" },
      warnings: [],
      now: new Date(takenAt),
      ...extra,
    }) satisfies NewIngestion;

  it.skipIf(skip)("returns the row it stored without reading it back", async () => {
    const user = await newUser();
    const d = dose(user, "2026-02-01T08:00:00.000Z", { notes: "with food", route: "oral" });
    const { created, record } = await insertIngestion(handle.db, d);
    expect(created).toBe(true);
    expect(await findIngestion(handle.db, d.id)).toEqual(record);
  });

  it.skipIf(skip)("gives the engine's view of the live doses in a range", async () => {
    const user = await newUser();
    const other = await newUser();
    await insertIngestion(handle.db, dose(user, "2026-03-01T08:00:00.000Z"));
    await insertIngestion(
      handle.db,
      dose(user, "2026-03-01T12:00:00.000Z", {
        substanceId: "my-tea",
        substanceName: "My tea",
        customClasses: ["stimulant"],
        amount: 1.25,
        unit: "cup",
        route: "oral",
        canonical: null,
      }),
    );
    const gone = dose(user, "2026-03-01T13:00:00.000Z");
    await insertIngestion(handle.db, gone);
    await deleteIngestion(handle.db, {
      id: gone.id,
      userId: user,
      changedBy: user,
      now: new Date("2026-03-01T14:00:00.000Z"),
    });
    await insertIngestion(handle.db, dose(user, "2026-03-03T08:00:00.000Z"));
    await insertIngestion(handle.db, dose(other, "2026-03-01T09:00:00.000Z"));

    const range = {
      from: new Date("2026-03-01T00:00:00.000Z"),
      to: new Date("2026-03-02T00:00:00.000Z"),
    };
    const history = await safetyHistory(handle.db, user, range);
    expect(history).toEqual((await listIngestions(handle.db, user, range)).map(toSafetyIngestion));
    expect(history.map((i) => [i.substanceId, i.amount, i.classes])).toEqual([
      ["my-tea", 1.25, ["stimulant"]],
      ["kratom-leaf", 2.5, undefined],
    ]);
  });
});
