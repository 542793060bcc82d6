import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/users.ts";
import { answersFor } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "../auth/passwords.ts";

const pgReachable = await isPostgresReachable();
const PASSWORD = "quiet-harbour-lamp-42";

interface Entry {
  at: string;
  actorId: string | null;
  subjectId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * What the audit log records of refusals and of custom substances (issue 12), and what each
 * reader sees of it: the person their entries with details, the administrator who, what kind and
 * when without any details.
 */
describe.each(engines)("the audit trail on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let admin: ApiClient;
  const client = () => new ApiClient(server.baseUrl);

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    const email = `admin-${randomUUID()}@example.org`;
    await insertUser(server.database.db, {
      id: randomUUID(),
      email,
      passwordHash: await hashPassword(PASSWORD),
      role: "admin",
      displayName: "Root Admin",
      timeZone: "UTC",
      now: server.clock.now(),
    });
    admin = client();
    expect((await admin.post("/api/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });
  afterAll(async () => server?.close());

  /** Entries written at this instant, as the administrator lists them. */
  async function adminEntries(at: string): Promise<Entry[]> {
    const res = await admin.get("/api/admin/audit?limit=500");
    expect(res.status).toBe(200);
    return (res.body.entries as Entry[]).filter((e) => e.at === at);
  }
  const tick = () => {
    server.clock.advance(60_000);
    return server.clock.now().toISOString();
  };

  it.skipIf(skip)("records a failed sign-in about the account, never what was typed", async () => {
    const person = client();
    const { id, email } = await person.register();
    const at = tick();
    const typed = `wrong-${randomUUID()}`;
    expect((await client().post("/api/auth/login", { email, password: typed })).status).toBe(401);
    const unknown = `nobody-${randomUUID()}@example.org`;
    expect(
      (await client().post("/api/auth/login", { email: unknown, password: typed })).status,
    ).toBe(401);
    const entries = await adminEntries(at);
    const failed = entries.filter((e) => e.action === "login-failed");
    expect(failed).toHaveLength(2);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: null, subjectId: null, entity: "session" }),
        expect.objectContaining({ actorId: null, subjectId: id, entity: "session" }),
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(typed);
    expect(JSON.stringify(entries)).not.toContain(unknown);
    // The owner sees it in their own trail, with why.
    const own = (await person.get("/api/audit")).body.entries as Entry[];
    expect(own.find((e) => e.action === "login-failed")).toMatchObject({
      at,
      details: { code: "invalid_credentials" },
    });
  });

  it.skipIf(skip)("records refused requests by the signed-in, and stale sessions", async () => {
    const patient = client();
    const { id } = await patient.register();
    const at = tick();
    expect((await patient.get("/api/admin/users")).status).toBe(403);
    expect((await patient.get("/api/clinician/patients")).status).toBe(403);
    // Not signed in at all: refused, but no event.
    expect((await client().get("/api/admin/users")).status).toBe(401);
    // A session cookie that names no session: recorded, by nobody known.
    const forged = client();
    forged.cookie = "mitra_session=forged-token";
    expect((await forged.get("/api/me")).status).toBe(401);
    const refused = (await adminEntries(at)).filter((e) => e.action === "refused");
    expect(refused.map((e) => [e.actorId, e.entityId]).sort()).toEqual(
      [
        [id, "GET /api/admin/users"],
        [id, "GET /api/clinician/patients"],
        [null, "GET /api/me"],
      ].sort(),
    );
    const own = (await patient.get("/api/audit")).body.entries as Entry[];
    expect(own.filter((e) => e.action === "refused").map((e) => e.details)).toEqual([
      { status: 403, code: "forbidden" },
      { status: 403, code: "forbidden" },
    ]);
  });

  it.skipIf(skip)("records the creation of a custom substance once, retries aside", async () => {
    const patient = client();
    const { id } = await patient.register();
    const at = tick();
    const body = { id: randomUUID(), name: "Etizolam", classId: "benzodiazepine" };
    expect((await patient.post("/api/custom-substances", body)).status).toBe(201);
    expect((await patient.post("/api/custom-substances", body)).status).toBe(200);
    const created = (await adminEntries(at)).filter((e) => e.entity === "custom_substance");
    expect(created).toEqual([
      expect.objectContaining({ actorId: id, subjectId: id, action: "create", entityId: body.id }),
    ]);
  });

  it.skipIf(skip)(
    "shows the administrator who, what kind and when, never the details",
    async () => {
      const patient = client();
      const { id } = await patient.register();
      const at = tick();
      const checkIn = await patient.post("/api/assessments", {
        id: randomUUID(),
        instrument: "red-flags",
        takenAt: at,
        answers: { ...answersFor("red-flags", () => 0), "chest-pain": 1 },
      });
      expect(checkIn.status).toBe(201);
      // The person's own trail keeps what the entry recorded.
      const own = (await patient.get("/api/audit")).body.entries as Entry[];
      const mine = own.find((e) => e.at === at && e.entity === "assessment");
      expect(mine?.details).toEqual({ instrument: "red-flags", redFlag: true });
      // The administrator's listing, filtered to the person or not, has none of it.
      const bySubject = await admin.get(`/api/admin/audit?subjectId=${id}`);
      const theirs = (bySubject.body.entries as Entry[]).find((e) => e.at === at);
      expect(theirs).toMatchObject({ subjectId: id, action: "create", entity: "assessment" });
      expect(theirs?.details).toBeNull();
      const all = await admin.get("/api/admin/audit?limit=500");
      expect((all.body.entries as Entry[]).every((e) => e.details === null)).toBe(true);
      expect(JSON.stringify(all.body)).not.toContain("redFlag");
    },
  );
});
