import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { expectNoHealthData } from "../../testing/health-data-check.ts";
import { PushPeer } from "../../testing/push-peer.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

describe.each(engines)("Web Push to a push service that decrypts (%s)", (engine) => {
  let server: TestServer;
  let push: PushPeer;

  beforeAll(async () => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    push = new PushPeer();
    await push.start();
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await push?.stop();
    if (push) expectNoHealthData(push.received.map((m) => m.payload));
  });

  it("encrypts a red flag's push for the clinician's browser, signed, without health data", async (ctx) => {
    if (!server) return ctx.skip();
    const patient = new ApiClient(server.baseUrl);
    const clinician = new ApiClient(server.baseUrl);
    const me = await patient.register("patient");
    await clinician.register("clinician");
    const browser = push.subscribe();
    const dropped = push.subscribe();
    for (const s of [browser, dropped]) {
      const res = await clinician.post("/api/push/subscriptions", {
        endpoint: s.endpoint,
        keys: s.keys,
      });
      expect(res.status).toBe(204);
    }
    push.gone.add(dropped.id);
    await linkClinician(patient, clinician);

    const res = await patient.post("/api/assessments", {
      id: randomUUID(),
      instrument: "red-flags",
      answers: answersFor("red-flags", (i) => (i === 1 ? 1 : 0)),
      takenAt: new Date().toISOString(),
    });
    expect(res.status).toBe(201);

    const [message] = await push.waitFor(browser.id, 1);
    expect(JSON.parse(message?.payload ?? "")).toEqual({
      title: "Mitra: a patient needs attention",
      link: `/patients/${me.id}`,
    });
    expect(message?.contentEncoding).toBe("aes128gcm");
    const key = (await clinician.get("/api/push/key")).body.publicKey;
    expect(message?.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${key}$`),
    );

    // The push service said 410 for the dropped browser (sent after the first): it is removed.
    const endpoints = async () =>
      (
        await server.database.db
          .selectFrom("push_subscriptions")
          .select("endpoint")
          .where("endpoint", "in", [browser.endpoint, dropped.endpoint])
          .execute()
      ).map((r) => r.endpoint);
    await expect.poll(endpoints, { timeout: 5_000 }).toEqual([browser.endpoint]);
  });

  it("refuses a subscription that is not one, naming the field", async (ctx) => {
    if (!server) return ctx.skip();
    const person = new ApiClient(server.baseUrl);
    await person.register("patient");
    const res = await person.post("/api/push/subscriptions", {
      endpoint: "https://push.example.org/x",
      keys: { p256dh: "short", auth: "AAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("body.keys.p256dh");
  });
});
