import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, type Role } from "../../db/users.ts";
import { seedPatientRecord } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "../auth/passwords.ts";

/**
 * The administrator's API over real HTTP on both engines: who may call it, the overview's counts
 * and advice, the user list's filters and pages, that it carries no secrets or health data, and
 * that each listing is written to the audit log where the listed people can see it.
 */

const pgReachable = await isPostgresReachable();
const PASSWORD = "quiet-harbour-lamp-42";

interface Person {
  id: string;
  email: string;
}

describe.each(engines)("administration on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let admin: ApiClient;
  let adminId: string;
  let patientClient: ApiClient;
  let clinicianClient: ApiClient;
  let patient: Person & { password: string };
  let clinician: Person;
  /** An account made directly in the database, never signed in. */
  let dormant: Person;
  /** An account whose email holds the characters LIKE treats as wildcards. */
  let oddEmail: Person;
  let passwordHash: string;

  const client = () => new ApiClient(server.baseUrl);

  async function insert(role: Role, email: string, displayName: string): Promise<Person> {
    const id = randomUUID();
    server.clock.advance(1000);
    const created = await insertUser(server.database.db, {
      id,
      email,
      passwordHash,
      role,
      displayName,
      timeZone: "UTC",
      now: server.clock.now(),
    });
    if (!created) throw new Error(`${email} exists`);
    return { id, email };
  }

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    passwordHash = await hashPassword(PASSWORD);
    adminId = (await insert("admin", "root-admin@example.org", "Root Admin")).id;
    admin = client();
    const login = await admin.post("/api/auth/login", {
      email: "root-admin@example.org",
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    patientClient = client();
    server.clock.advance(1000);
    patient = await patientClient.register("patient", { displayName: "Pat Example" });
    await seedPatientRecord(patientClient, server.clock.now());
    clinicianClient = client();
    server.clock.advance(1000);
    clinician = await clinicianClient.register("clinician", { displayName: "Dr Example" });
    dormant = await insert("patient", "Dormant.Person@Example.org", "Dormant Person");
    oddEmail = await insert("clinician", "a_b%c@example.org", "Odd Email");
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("answers 401 to strangers and 403 to patients and clinicians", async () => {
    for (const path of [
      "/api/admin/users",
      "/api/admin/overview",
      // A malformed filter is refused for the caller's role, not examined.
      "/api/admin/users?limit=oops&role=nobody",
    ]) {
      const statuses = await Promise.all(
        [client(), patientClient, clinicianClient].map(async (c) => {
          const res = await c.get(path);
          return [res.status, res.body.error?.code];
        }),
      );
      expect(statuses).toEqual([
        [401, "unauthenticated"],
        [403, "forbidden"],
        [403, "forbidden"],
      ]);
    }
  });

  it.skipIf(skip)(
    "gives the overview: accounts by role, engine, versions, backup advice",
    async () => {
      const res = await admin.get("/api/admin/overview");
      expect(res.status).toBe(200);
      expect(res.body.users).toEqual({ patient: 2, clinician: 2, admin: 1, total: 5 });
      expect(res.body.database).toEqual({ engine });
      expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
      const knowledge = await client().get("/api/knowledge/version");
      expect(res.body.knowledge).toEqual(knowledge.body);
      expect(res.body.knowledge.files.length).toBeGreaterThan(0);
      expect(res.body.backup.command).toContain(
        engine === "sqlite" ? "mitra -- backup FILE" : "pg_dump",
      );
      // The database URL (which may hold a password) is named, never written out.
      expect(JSON.stringify(res.body)).not.toContain("postgres://");
    },
  );

  it.skipIf(skip)(
    "lists accounts newest first, without password hashes or health data",
    async () => {
      const res = await admin.get("/api/admin/users");
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      expect(res.body.users.map((u: Person) => u.email)).toEqual([
        oddEmail.email,
        dormant.email.toLowerCase(),
        clinician.email,
        patient.email,
        "root-admin@example.org",
      ]);
      const pat = res.body.users.find((u: Person) => u.id === patient.id);
      expect(Object.keys(pat).sort()).toEqual(
        ["createdAt", "displayName", "email", "id", "lastSignInAt", "role"].sort(),
      );
      expect(pat).toMatchObject({ displayName: "Pat Example", role: "patient" });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain("scrypt");
      expect(text).not.toContain(passwordHash);
      expect(text).not.toContain("kratom");
      expect(text).not.toContain("sows");
    },
  );

  it.skipIf(skip)("knows the last sign-in, and says so when there was none", async () => {
    const before = await admin.get(`/api/admin/users?email=${encodeURIComponent(patient.email)}`);
    const registeredAt = before.body.users[0].lastSignInAt;
    expect(registeredAt).not.toBeNull();
    server.clock.advance(60_000);
    const again = client();
    const login = await again.post("/api/auth/login", {
      email: patient.email,
      password: patient.password,
    });
    expect(login.status).toBe(200);
    const after = await admin.get(`/api/admin/users?email=${encodeURIComponent(patient.email)}`);
    expect(after.body.users[0].lastSignInAt).toBe(server.clock.now().toISOString());
    expect(Date.parse(after.body.users[0].lastSignInAt)).toBeGreaterThan(Date.parse(registeredAt));
    const dormantRow = await admin.get("/api/admin/users?email=dormant");
    expect(dormantRow.body.users).toEqual([
      expect.objectContaining({ id: dormant.id, lastSignInAt: null }),
    ]);
  });

  it.skipIf(skip)(
    "filters by role and by part of the email, literally and in any case",
    async () => {
      const ids = async (query: string) => {
        const res = await admin.get(`/api/admin/users?${query}`);
        expect(res.status).toBe(200);
        return { ids: res.body.users.map((u: Person) => u.id), total: res.body.total };
      };
      expect(await ids("role=clinician")).toEqual({
        ids: [oddEmail.id, clinician.id],
        total: 2,
      });
      expect(await ids("role=admin")).toEqual({ ids: [adminId], total: 1 });
      expect(await ids("email=PERSON%40EXAMPLE")).toEqual({ ids: [dormant.id], total: 1 });
      // "%" and "_" are characters to find, not wildcards.
      expect(await ids(`email=${encodeURIComponent("_b%")}`)).toEqual({
        ids: [oddEmail.id],
        total: 1,
      });
      expect(await ids(`email=${encodeURIComponent("%")}`)).toEqual({
        ids: [oddEmail.id],
        total: 1,
      });
      expect(await ids("email=example.org&role=patient")).toEqual({
        ids: [dormant.id, patient.id],
        total: 2,
      });
      expect(await ids("email=nobody-has-this")).toEqual({ ids: [], total: 0 });
    },
  );

  it.skipIf(skip)("pages with limit and offset, keeping the total", async () => {
    const all = (await admin.get("/api/admin/users")).body.users.map((u: Person) => u.id);
    const first = await admin.get("/api/admin/users?limit=2");
    const second = await admin.get("/api/admin/users?limit=2&offset=2");
    const third = await admin.get("/api/admin/users?limit=2&offset=4");
    expect([first, second, third].map((r) => r.body.total)).toEqual([5, 5, 5]);
    expect([first, second, third].flatMap((r) => r.body.users.map((u: Person) => u.id))).toEqual(
      all,
    );
    expect(third.body.users).toHaveLength(1);
    expect((await admin.get("/api/admin/users?offset=99")).body.users).toEqual([]);
  });

  it.skipIf(skip)("names the field when a filter is not valid", async () => {
    const res = await admin.get("/api/admin/users?role=superuser");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("role");
    const big = await admin.get("/api/admin/users?limit=10000");
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body.error)).toContain("limit");
  });

  it.skipIf(skip)(
    "audits each listing: one read per listed account, visible to that person",
    async () => {
      server.clock.advance(60_000);
      const listedAt = server.clock.now().toISOString();
      const res = await admin.get(`/api/admin/users?email=${encodeURIComponent(clinician.email)}`);
      expect(res.body.users.map((u: Person) => u.id)).toEqual([clinician.id]);
      const log = await admin.get(`/api/admin/audit?actorId=${adminId}&limit=500`);
      const reads = log.body.entries.filter(
        (e: { at: string; action: string }) => e.at === listedAt && e.action === "read",
      );
      expect(reads).toEqual([
        expect.objectContaining({
          actorId: adminId,
          subjectId: clinician.id,
          subjectName: "Dr Example",
          subjectEmail: clinician.email,
          entity: "user",
          entityId: clinician.id,
          // The administrator's listing shows no details (issue 12).
          details: null,
        }),
      ]);
      // The clinician sees the read in their own trail; the patient, who was not listed then, not.
      const own = await clinicianClient.get("/api/audit");
      expect(
        own.body.entries.some(
          (e: { at: string; actorId: string }) => e.at === listedAt && e.actorId === adminId,
        ),
      ).toBe(true);
      const patientsOwn = await patientClient.get("/api/audit");
      expect(patientsOwn.body.entries.some((e: { at: string }) => e.at === listedAt)).toBe(false);
      // An empty page records nothing.
      server.clock.advance(60_000);
      await admin.get("/api/admin/users?email=nobody-has-this");
      const later = await admin.get(`/api/admin/audit?actorId=${adminId}&limit=5`);
      expect(later.body.entries[0].at < server.clock.now().toISOString()).toBe(true);
    },
  );
  it.skipIf(skip)(
    "pages the audit log without skipping entries written at the same instant",
    async () => {
      server.clock.advance(60_000);
      const listedAt = server.clock.now().toISOString();
      const listed = await admin.get("/api/admin/users");
      expect(listed.body.users).toHaveLength(5);
      server.clock.advance(60_000);
      // Five reads share one instant; pages of two must still yield each once.
      const seen: string[] = [];
      let path = `/api/admin/audit?actorId=${adminId}&limit=2`;
      for (let page = 0; page < 50; page++) {
        const res = await admin.get(path);
        expect(res.status).toBe(200);
        const entries = res.body.entries as { id: string; at: string }[];
        if (entries.length === 0) break;
        seen.push(...entries.filter((e) => e.at === listedAt).map((e) => e.id));
        const last = entries.at(-1) as { id: string; at: string };
        path =
          `/api/admin/audit?actorId=${adminId}&limit=2` +
          `&before=${encodeURIComponent(last.at)}&beforeId=${last.id}`;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    },
  );
});
