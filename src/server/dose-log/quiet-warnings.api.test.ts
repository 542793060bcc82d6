import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACKNOWLEDGEMENTS_PER_DAY, mayGoQuiet, splitQuiet } from "../../core/quiet-warnings.ts";
import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { insertAdmin } from "../../testing/test-users.ts";

/**
 * "Got it, quiet for today": a person acknowledges a warning's code for the rest of their
 * calendar day; the server keeps it (every device), audits it once, and returns the day's codes
 * with Today so the web app folds the repeats (core/quiet-warnings.ts says which may fold).
 */
const pgReachable = await isPostgresReachable();
const PATH = "/api/me/acknowledged-warnings";
/** 600 mg of magnesium oxide is about 362 mg elemental: over the 350 mg daily upper limit. */
const MAGNESIUM_UL = "limit.magnesium-supplemental-ul";
const ALCOHOL = "interaction.opioid-alcohol";

describe.each(engines)("acknowledged warnings on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  const person = async (timeZone = "UTC") => {
    const client = new ApiClient(server.baseUrl);
    const account = await client.register("patient", { timeZone });
    return { client, ...account };
  };
  const dose = (c: ApiClient, substance: string, amount: number, unit: string) =>
    c.post("/api/ingestions", {
      id: randomUUID(),
      substance,
      amount,
      unit,
      takenAt: new Date(server.clock.now().getTime() - 60_000).toISOString(),
    });
  const auditCount = async (userId: string) => {
    const rows = await server.database.db
      .selectFrom("audit_log")
      .select(["entity_id", "details"])
      .where("subject_id", "=", userId)
      .where("entity", "=", "warning_acknowledgement")
      .execute();
    return rows;
  };

  it.skipIf(skip)("records it once: 201, then 200 with the first time, audited once", async () => {
    const { client, id } = await person("Europe/Berlin");
    const day = zonedDay(server.clock.now(), "Europe/Berlin");
    expect((await client.get(PATH)).body).toEqual({ day, codes: [] });

    const first = await client.post(PATH, { code: MAGNESIUM_UL });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      acknowledgement: { code: MAGNESIUM_UL, day },
      day,
      codes: [MAGNESIUM_UL],
    });
    server.clock.advance(60_000);
    const again = await client.post(PATH, { code: MAGNESIUM_UL });
    expect(again.status).toBe(200);
    expect(again.body.acknowledgement.acknowledgedAt).toBe(
      first.body.acknowledgement.acknowledgedAt,
    );
    const other = await client.post(PATH, { code: "amount.kratom-leaf-dose-over-tripsit-strong" });
    expect(other.status).toBe(201);
    expect(other.body.codes).toEqual(["amount.kratom-leaf-dose-over-tripsit-strong", MAGNESIUM_UL]);

    const audited = await auditCount(id);
    const details = audited.map((r) => JSON.parse(r.details ?? "{}"));
    expect(details.map((d) => d.code).sort()).toEqual(other.body.codes);
    expect(details.every((d) => d.day === day)).toBe(true);
  });

  it.skipIf(skip)("keeps the code out of what the administrator's audit view lists", async () => {
    // A warning's code names substances (interaction.opioid-alcohol): clinical content, which
    // the administrator's listing never shows; the person's own trail keeps it.
    const { client, id } = await person();
    expect((await client.post(PATH, { code: ALCOHOL })).status).toBe(201);
    const own = (await client.get("/api/audit")).body.entries;
    const mine = own.find((e: { entity: string }) => e.entity === "warning_acknowledgement");
    expect(mine?.details).toMatchObject({ code: ALCOHOL });

    const email = `admin-${randomUUID()}@example.org`;
    const password = "quiet-harbour-lamp-42";
    await insertAdmin(server.database.db, { email, password }, server.clock.now());
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.post("/api/auth/login", { email, password })).status).toBe(200);
    const listed = await admin.get(`/api/admin/audit?subjectId=${id}`);
    expect(listed.status).toBe(200);
    const entry = listed.body.entries.find(
      (e: { entity: string }) => e.entity === "warning_acknowledgement",
    );
    expect(entry).toMatchObject({ subjectId: id, action: "create" });
    expect(JSON.stringify(listed.body)).not.toContain("opioid-alcohol");
  });

  it.skipIf(skip)("refuses a code that is not a warning code's shape, naming it", async () => {
    const { client, id } = await person();
    for (const code of ["", "nodots", "a..b", "interaction.<script>", `a.${"b".repeat(300)}`]) {
      const res = await client.post(PATH, { code });
      expect(res.status, code).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.details.fields[0].field).toBe("body.code");
    }
    expect((await client.post(PATH, {})).status).toBe(400);
    expect((await client.post(PATH, { code: MAGNESIUM_UL, extra: 1 })).status).toBe(400);
    expect((await client.get(PATH)).body.codes).toEqual([]);
    expect(await auditCount(id)).toEqual([]);
    expect((await new ApiClient(server.baseUrl).post(PATH, { code: MAGNESIUM_UL })).status).toBe(
      401,
    );
  });

  it.skipIf(skip)(
    "Today returns the day's codes, on every device, for that person only",
    async () => {
      const phone = await person();
      const stranger = await person();
      const warned = await dose(phone.client, "magnesium-oxide", 600, "mg");
      expect(warned.status).toBe(201);
      const caution = warned.body.warnings.find((w: { code: string }) => w.code === MAGNESIUM_UL);
      expect(caution?.severity).toBe("caution");

      const before = await phone.client.get("/api/today");
      expect(before.body.acknowledgedWarnings).toEqual([]);
      expect((await phone.client.post(PATH, { code: MAGNESIUM_UL })).status).toBe(201);

      const laptop = new ApiClient(server.baseUrl);
      await laptop.post("/api/auth/login", { email: phone.email, password: phone.password });
      const today = await laptop.get("/api/today");
      expect(today.body.acknowledgedWarnings).toEqual([MAGNESIUM_UL]);
      // The warnings themselves stay whole in the answer; the repeat of the caution folds.
      expect(today.body.warnings.map((w: { code: string }) => w.code)).toContain(MAGNESIUM_UL);
      const later = await dose(laptop, "magnesium-oxide", 100, "mg");
      const split = splitQuiet(later.body.warnings, today.body.acknowledgedWarnings);
      expect(split.quiet.map((w) => w.code)).toEqual([MAGNESIUM_UL]);

      expect((await stranger.client.get("/api/today")).body.acknowledgedWarnings).toEqual([]);
      expect((await stranger.client.get(PATH)).body.codes).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "never quiets a dangerous warning, even when its code was acknowledged",
    async () => {
      const { client } = await person();
      await dose(client, "kratom-leaf", 2, "g");
      const drink = await dose(client, "alcohol", 2, "drink");
      const dangerous = drink.body.warnings.find((w: { code: string }) => w.code === ALCOHOL);
      expect(dangerous?.severity).toBe("dangerous");
      expect(mayGoQuiet(dangerous)).toBe(false);
      // The server takes the code (it does not judge severities), but nothing folds it.
      expect((await client.post(PATH, { code: ALCOHOL })).status).toBe(201);
      const today = (await client.get("/api/today")).body;
      expect(today.acknowledgedWarnings).toEqual([ALCOHOL]);
      const split = splitQuiet(today.warnings, today.acknowledgedWarnings);
      expect(split.shown.map((w) => w.code)).toContain(ALCOHOL);
      expect(split.quiet).toEqual([]);
    },
  );

  it.skipIf(skip)("lasts until midnight in the person's zone, not UTC's", async () => {
    // Kolkata's midnight is 18:30 UTC: a UTC day would still hold the acknowledgement.
    const zone = "Asia/Kolkata";
    const { client } = await person(zone);
    const day = zonedDay(server.clock.now(), zone);
    const midnight = startOfZonedDay(nextDay(day), zone).getTime();
    server.clock.advance(midnight - 10 * 60_000 - server.clock.now().getTime());
    const late = await client.post(PATH, { code: MAGNESIUM_UL });
    expect(late.status).toBe(201);
    expect(late.body.day).toBe(day);
    expect((await client.get("/api/today")).body.acknowledgedWarnings).toEqual([MAGNESIUM_UL]);

    server.clock.advance(20 * 60_000);
    const utcDayBefore = zonedDay(new Date(midnight - 10 * 60_000), "UTC");
    expect(zonedDay(server.clock.now(), "UTC")).toBe(utcDayBefore);
    const next = await client.get(PATH);
    expect(next.body).toEqual({ day: nextDay(day), codes: [] });
    expect((await client.get("/api/today")).body.acknowledgedWarnings).toEqual([]);
    // Acknowledging again on the new day is a new acknowledgement.
    expect((await client.post(PATH, { code: MAGNESIUM_UL })).status).toBe(201);
  });

  it.skipIf(skip)(
    "keeps at most a day's limit of codes, and repeats of them still answer",
    async () => {
      const { client, id } = await person();
      const made = Array.from({ length: ACKNOWLEDGEMENTS_PER_DAY }, (_, i) => `made.up-${i}`);
      for (const code of made) expect((await client.post(PATH, { code })).status, code).toBe(201);

      const over = await client.post(PATH, { code: MAGNESIUM_UL });
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe("too_many_acknowledgements");
      expect(over.body.error.message).toMatch(/tomorrow/);
      expect((await client.get(PATH)).body.codes).not.toContain(MAGNESIUM_UL);
      // One already kept is still answered as before.
      expect((await client.post(PATH, { code: made[0] })).status).toBe(200);
      const stored = await server.database.db
        .selectFrom("warning_acknowledgements")
        .select("code")
        .where("user_id", "=", id)
        .execute();
      expect(stored).toHaveLength(ACKNOWLEDGEMENTS_PER_DAY);
      expect(await auditCount(id)).toHaveLength(ACKNOWLEDGEMENTS_PER_DAY);

      // The next day in the person's zone starts afresh.
      const day = zonedDay(server.clock.now(), "UTC");
      server.clock.advance(
        startOfZonedDay(nextDay(day), "UTC").getTime() - server.clock.now().getTime() + 1_000,
      );
      expect((await client.post(PATH, { code: MAGNESIUM_UL })).status).toBe(201);
    },
  );

  it.skipIf(skip)("goes with the account when it is deleted", async () => {
    const { client, id, password } = await person();
    expect((await client.post(PATH, { code: MAGNESIUM_UL })).status).toBe(201);
    const rows = () =>
      server.database.db
        .selectFrom("warning_acknowledgements")
        .select("code")
        .where("user_id", "=", id)
        .execute();
    expect(await rows()).toHaveLength(1);
    expect((await client.request("DELETE", "/api/me", { password })).status).toBe(204);
    expect(await rows()).toEqual([]);
  });
});
