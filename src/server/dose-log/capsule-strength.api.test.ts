import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

/**
 * A capsule product must say its grams of leaf per capsule (core/product-form.ts), on creation
 * and on every change; a product stored before the rule without it leaves its doses uncounted
 * (canonical null), which the web app says on the dose.
 */
const pgReachable = await isPostgresReachable();

describe.each(engines)("capsule strength on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let c: ApiClient;
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    c = new ApiClient(server.baseUrl);
    await c.register("patient");
  });
  afterAll(async () => server?.close());

  const product = (extra: Record<string, unknown>) =>
    c.post("/api/products", { id: randomUUID(), vendor: "Acme", name: "Caps", ...extra });

  it.skipIf(skip)("refuses a capsule product without grams per capsule, naming it", async () => {
    const res = await product({ form: "capsules" });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: "body.gramsPerCapsule" });
    expect(res.body.error.details.fields[0].message).toMatch(/daily total/);
    expect((await product({ form: "capsules", gramsPerCapsule: null })).status).toBe(400);
    expect((await product({ form: "capsules", gramsPerCapsule: 0.5 })).status).toBe(201);
  });

  it.skipIf(skip)("refuses turning a powder into capsules without it", async () => {
    const powder = await product({ form: "leaf-powder" });
    const id = powder.body.product.id;
    const turned = await c.patch(`/api/products/${id}`, { form: "capsules" });
    expect(turned.status).toBe(400);
    expect(turned.body.error.details.fields[0].field).toBe("body.gramsPerCapsule");
    const withGrams = await c.patch(`/api/products/${id}`, {
      form: "capsules",
      gramsPerCapsule: 0.45,
    });
    expect(withGrams.status).toBe(200);
  });

  it.skipIf(skip)("a legacy capsule product without it leaves its doses uncounted", async () => {
    const made = await product({ form: "capsules", gramsPerCapsule: 0.5 });
    const id = made.body.product.id;
    // As stored before the rule: no grams per capsule.
    await server.database.db
      .updateTable("products")
      .set({ grams_per_capsule: null })
      .where("id", "=", id)
      .execute();
    const dose = await c.post("/api/ingestions", {
      id: randomUUID(),
      substance: "kratom-capsules",
      productId: id,
      amount: 3,
      unit: "capsule",
      takenAt: new Date(server.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(dose.status).toBe(201);
    expect(dose.body.ingestion.canonical).toBeNull();
    // Any change to the product now asks for the missing strength.
    const renamed = await c.patch(`/api/products/${id}`, { name: "Caps 2" });
    expect(renamed.status).toBe(400);
  });
});
