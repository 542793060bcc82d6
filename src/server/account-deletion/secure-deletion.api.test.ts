import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

/**
 * A deleted account leaves nothing readable in the SQLite file or its write-ahead log (issue 12):
 * the person's e-mail, name, notes and products are overwritten, not only unlinked.
 */
describe("deleting an account on SQLite", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => server?.close());

  /** Which of `needles` appear in the database file or its WAL. */
  function foundOnDisk(needles: string[]): string[] {
    const file = server.database.location;
    const bytes = Buffer.concat(
      [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
    );
    return needles.filter((n) => bytes.includes(Buffer.from(n, "utf8")));
  }

  it("overwrites the person's strings in the file and the WAL", async () => {
    const tag = randomUUID().slice(0, 8);
    const secrets = {
      email: `wipe-${tag}@example.org`,
      name: `Zebulon Quartzfield ${tag}`,
      notes: `took it after the night shift ${tag}`,
      vendor: `Quokka Botanicals ${tag}`,
      product: `Midnight Caps ${tag}`,
    };
    // Someone else's records around theirs, so the pages hold more than this person.
    const other = new ApiClient(server.baseUrl);
    await other.register("patient", { displayName: "Other person" });

    const c = new ApiClient(server.baseUrl);
    const password = "tidal-forest-lamp-42";
    const reg = await c.post("/api/auth/register", {
      email: secrets.email,
      password,
      role: "patient",
      displayName: secrets.name,
    });
    expect(reg.status).toBe(201);
    const product = await c.post("/api/products", {
      id: randomUUID(),
      vendor: secrets.vendor,
      name: secrets.product,
      form: "capsules",
      gramsPerCapsule: 0.5,
    });
    expect(product.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const dose = await c.post("/api/ingestions", {
        id: randomUUID(),
        substance: "kratom-leaf",
        amount: 2 + i,
        unit: "g",
        takenAt: new Date(server.clock.now().getTime() - (i + 1) * 3_600_000).toISOString(),
        notes: secrets.notes,
      });
      expect(dose.status).toBe(201);
      // An edit keeps the previous version in the history: one more copy to remove.
      const edit = await c.patch(`/api/ingestions/${dose.body.ingestion.id}`, { amount: 3 + i });
      expect(edit.status).toBe(200);
    }
    // Failed sign-ins are kept under the e-mail.
    await new ApiClient(server.baseUrl).post("/api/auth/login", {
      email: secrets.email,
      password: "wrong-password-1",
    });
    expect(foundOnDisk(Object.values(secrets))).toEqual(Object.values(secrets));

    const deleted = await c.request("DELETE", "/api/me", { password });
    expect(deleted.status).toBe(204);
    expect(foundOnDisk(Object.values(secrets))).toEqual([]);
    // The other person's records are still there.
    expect((await other.get("/api/me")).status).toBe(200);
  });
});
