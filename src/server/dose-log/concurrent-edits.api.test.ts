import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

/**
 * Two edits of one dose or product at the same moment (issue 12): a PATCH changes only the
 * fields it names, whatever else changes meanwhile, and a PATCH sent with If-Match (the ETag of
 * the version it was based on) is refused with 412 and the current values once another edit got
 * in first.
 */
describe.each(engines)("concurrent edits on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let c: ApiClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    c = new ApiClient(server.baseUrl);
    await c.register();
  });
  afterAll(async () => server?.close());

  async function newDose(): Promise<string> {
    const res = await c.post("/api/ingestions", {
      id: randomUUID(),
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: new Date(server.clock.now().getTime() - 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    return res.body.ingestion.id;
  }

  async function newProduct(): Promise<string> {
    const res = await c.post("/api/products", {
      id: randomUUID(),
      vendor: "Acme",
      name: "Caps",
      form: "capsules",
      gramsPerCapsule: 0.5,
    });
    expect(res.status).toBe(201);
    return res.body.product.id;
  }

  it.skipIf(skip)("keeps both of two dose edits of different fields sent at once", async () => {
    for (let round = 0; round < 10; round++) {
      const id = await newDose();
      const [amount, notes] = await Promise.all([
        c.patch(`/api/ingestions/${id}`, { amount: 3 }),
        c.patch(`/api/ingestions/${id}`, { notes: `round ${round}` }),
      ]);
      expect([amount.status, notes.status]).toEqual([200, 200]);
      const stored = (await c.get(`/api/ingestions/${id}`)).body.ingestion;
      expect({ amount: stored.amount, notes: stored.notes }).toEqual({
        amount: 3,
        notes: `round ${round}`,
      });
    }
  });

  it.skipIf(skip)("keeps both of two product edits of different fields sent at once", async () => {
    for (let round = 0; round < 10; round++) {
      const id = await newProduct();
      const [vendor, lot] = await Promise.all([
        c.patch(`/api/products/${id}`, { vendor: `Vendor ${round}` }),
        c.patch(`/api/products/${id}`, { lot: `LOT-${round}` }),
      ]);
      expect([vendor.status, lot.status]).toEqual([200, 200]);
      const stored = (await c.get(`/api/products/${id}`)).body.product;
      expect({ vendor: stored.vendor, lot: stored.lot }).toEqual({
        vendor: `Vendor ${round}`,
        lot: `LOT-${round}`,
      });
    }
  });

  it.skipIf(skip)("answers a stale If-Match on a dose with 412 and the current dose", async () => {
    const id = await newDose();
    const read = await c.get(`/api/ingestions/${id}`);
    const etag = read.headers.get("etag");
    expect(etag).toMatch(/^"\d+"$/);
    const both = await Promise.all([
      c.request("PATCH", `/api/ingestions/${id}`, { amount: 3 }, { "if-match": etag ?? "" }),
      c.request("PATCH", `/api/ingestions/${id}`, { amount: 4 }, { "if-match": etag ?? "" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const [won, lost] = both[0]?.status === 200 ? both : [both[1], both[0]];
    expect(lost?.body.error.code).toBe("edit_conflict");
    expect(lost?.body.error.details.current).toEqual(won?.body.ingestion);
    expect(lost?.headers.get("etag")).toBe(won?.headers.get("etag"));
    expect(won?.headers.get("etag")).not.toBe(etag);
    // Sent again on the current version, it goes through.
    const again = await c.request(
      "PATCH",
      `/api/ingestions/${id}`,
      { notes: "after the conflict" },
      { "if-match": won?.headers.get("etag") ?? "" },
    );
    expect(again.status).toBe(200);
    expect(again.body.ingestion).toMatchObject({
      amount: won?.body.ingestion.amount,
      notes: "after the conflict",
    });
    const wrong = await c.request(
      "PATCH",
      `/api/ingestions/${id}`,
      { amount: 5 },
      {
        "if-match": '"999"',
      },
    );
    expect(wrong.status).toBe(412);
  });

  it.skipIf(skip)(
    "answers a stale If-Match on a product with 412 and the current one",
    async () => {
      const id = await newProduct();
      const etag = (await c.get(`/api/products/${id}`)).headers.get("etag") ?? "";
      expect(
        (await c.request("PATCH", `/api/products/${id}`, { name: "A" }, { "if-match": etag }))
          .status,
      ).toBe(200);
      const stale = await c.request(
        "PATCH",
        `/api/products/${id}`,
        { name: "B" },
        { "if-match": etag },
      );
      expect(stale.status).toBe(412);
      expect(stale.body.error.details.current).toMatchObject({ id, name: "A" });
      expect((await c.get(`/api/products/${id}`)).body.product.name).toBe("A");
    },
  );
});
