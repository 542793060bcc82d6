import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/users.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "./passwords.ts";

const pgReachable = await isPostgresReachable();

const PASSWORD = "tidal-forest-lamp-42";
const NEW_PASSWORD = "quiet-harbour-stone-77";

/**
 * Managing one's sign-in (issue 12): changing the password, signing out everywhere, a one-time
 * reset code from an administrator, and an administrator disabling an account or changing its
 * role. Every change is audited on the person's trail.
 */
describe.each(engines)("account control on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let admin: ApiClient;
  let adminId: string;
  const client = () => new ApiClient(server.baseUrl);

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    adminId = randomUUID();
    const email = `admin-${adminId}@example.org`;
    await insertUser(server.database.db, {
      id: adminId,
      email,
      passwordHash: await hashPassword(PASSWORD),
      role: "admin",
      displayName: null,
      timeZone: "UTC",
      now: server.clock.now(),
    });
    admin = client();
    expect((await admin.post("/api/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });
  afterAll(async () => server?.close());

  /** A patient signed in on two devices. */
  async function twoDevices() {
    const first = client();
    const account = await first.register();
    const second = client();
    const login = await second.post("/api/auth/login", {
      email: account.email,
      password: account.password,
    });
    expect(login.status).toBe(200);
    return { ...account, first, second };
  }

  const auditActions = async (subjectId: string) =>
    (
      await server.database.db
        .selectFrom("audit_log")
        .select("action")
        .where("subject_id", "=", subjectId)
        .execute()
    ).map((r) => r.action);

  const signIn = (email: string, password: string) =>
    client().post("/api/auth/login", { email, password });

  it.skipIf(skip)("changes the password with the current one, ending other sessions", async () => {
    const p = await twoDevices();
    const wrong = await p.first.post("/api/me/password", {
      currentPassword: "not-my-password-1",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.details.fields[0].field).toBe("body.currentPassword");
    const weak = await p.first.post("/api/me/password", {
      currentPassword: p.password,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.fields[0].field).toBe("body.newPassword");

    const changed = await p.first.post("/api/me/password", {
      currentPassword: p.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.sessionsEnded).toBe(1);
    expect((await p.first.get("/api/me")).status).toBe(200);
    expect((await p.second.get("/api/me")).status).toBe(401);
    expect((await signIn(p.email, p.password)).status).toBe(401);
    expect((await signIn(p.email, NEW_PASSWORD)).status).toBe(200);
    expect(await auditActions(p.id)).toContain("password_change");
  });

  it.skipIf(skip)("signs out everywhere, this device included", async () => {
    const p = await twoDevices();
    const out = await p.first.post("/api/auth/logout-everywhere");
    expect(out.status).toBe(200);
    expect(out.body.sessionsEnded).toBe(2);
    expect((await p.first.get("/api/me")).status).toBe(401);
    expect((await p.second.get("/api/me")).status).toBe(401);
    expect(await auditActions(p.id)).toContain("logout_everywhere");
  });

  it.skipIf(skip)("resets a password with a one-time code an administrator issued", async () => {
    const p = await twoDevices();
    const issued = await admin.post(`/api/admin/users/${p.id}/reset-code`);
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Only its hash is stored.
    const stored = await server.database.db
      .selectFrom("password_reset_codes")
      .select("code_hash")
      .where("user_id", "=", p.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.code_hash).not.toContain(issued.body.code.replace("-", ""));
    expect(await auditActions(p.id)).toContain("reset_code_issued");

    const reset = (code: string, email = p.email) =>
      client().post("/api/auth/reset-password", { email, code, newPassword: NEW_PASSWORD });
    const wrong = await reset("ZZZZ-ZZZZ");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("invalid_reset_code");
    // Someone else's address with this code: no.
    expect((await reset(issued.body.code, `nobody-${randomUUID()}@example.org`)).status).toBe(400);

    const done = await reset(issued.body.code.toLowerCase());
    expect(done.status).toBe(200);
    expect(done.body.sessionsEnded).toBe(2);
    expect((await p.first.get("/api/me")).status).toBe(401);
    expect((await signIn(p.email, NEW_PASSWORD)).status).toBe(200);
    // Single use.
    expect((await reset(issued.body.code)).status).toBe(400);
    expect(await auditActions(p.id)).toContain("password_reset");
  });

  it.skipIf(skip)("lets a reset code expire after 24 hours", async () => {
    const p = await twoDevices();
    const issued = await admin.post(`/api/admin/users/${p.id}/reset-code`);
    server.clock.advance(24 * 3_600_000 + 1000);
    const late = await client().post("/api/auth/reset-password", {
      email: p.email,
      code: issued.body.code,
      newPassword: NEW_PASSWORD,
    });
    expect(late.status).toBe(400);
  });

  it.skipIf(skip)("throttles guessing reset codes", async () => {
    server.clock.advance(16 * 60_000);
    const p = await twoDevices();
    const issued = await admin.post(`/api/admin/users/${p.id}/reset-code`);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client().post("/api/auth/reset-password", {
          email: p.email,
          code: `AAAA-AAA${i % 10}`,
          newPassword: NEW_PASSWORD,
        }),
      ),
    );
    expect(guesses.every((g) => g.status === 400 || g.status === 429)).toBe(true);
    expect(guesses.filter((g) => g.status === 400).length).toBeLessThanOrEqual(5);
    const right = await client().post("/api/auth/reset-password", {
      email: p.email,
      code: issued.body.code,
      newPassword: NEW_PASSWORD,
    });
    expect([200, 429]).toContain(right.status);
    server.clock.advance(16 * 60_000);
  });

  it.skipIf(skip)("disables and re-enables an account, and changes a role", async () => {
    const p = await twoDevices();
    const disabled = await admin.patch(`/api/admin/users/${p.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user).toMatchObject({ id: p.id, disabled: true, role: "patient" });
    expect((await p.first.get("/api/me")).status).toBe(401);
    const refused = await signIn(p.email, p.password);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("account_disabled");

    expect((await admin.patch(`/api/admin/users/${p.id}`, { disabled: false })).status).toBe(200);
    const again = client();
    const back = await again.post("/api/auth/login", { email: p.email, password: p.password });
    expect(back.status).toBe(200);

    const role = await admin.patch(`/api/admin/users/${p.id}`, { role: "clinician" });
    expect(role.body.user.role).toBe("clinician");
    const actions = await auditActions(p.id);
    expect(actions.filter((a) => a === "account_change")).toHaveLength(3);

    // Not one's own account; not for anyone but administrators.
    expect((await admin.patch(`/api/admin/users/${adminId}`, { disabled: true })).status).toBe(409);
    expect((await again.patch(`/api/admin/users/${p.id}`, { role: "admin" })).status).toBe(403);
    expect((await again.post(`/api/admin/users/${p.id}/reset-code`)).status).toBe(403);
    expect((await admin.patch(`/api/admin/users/${randomUUID()}`, { disabled: true })).status).toBe(
      404,
    );
  });
});
