import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

const HOUR = 3_600_000;
const uuid = () => crypto.randomUUID();

describe.each(engines)("dose log over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const client = () => new ApiClient(server.baseUrl);
  const ago = (ms: number) => new Date(server.clock.now().getTime() - ms).toISOString();

  async function patient(extra: Record<string, unknown> = {}) {
    const c = client();
    await c.register("patient", extra);
    return c;
  }

  function fieldOf(res: { body: any }) {
    return res.body.error.details.fields[0].field as string;
  }

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)(
    "serves the public catalog with units, tiers, sources and pickable classes",
    async () => {
      const res = await client().get("/api/substances");
      expect(res.status).toBe(200);
      const leaf = res.body.substances.find((s: any) => s.id === "kratom-leaf");
      expect(leaf.units).toContain("g");
      expect(leaf.doseReferences.length).toBeGreaterThan(0);
      expect(leaf.sources.length).toBeGreaterThan(0);
      const extract = res.body.substances.find((s: any) => s.id === "kratom-extract");
      expect(extract.pool).not.toBe(leaf.pool);
      expect(res.body.pickableClasses.map((c: any) => c.id)).toContain("benzodiazepine");
      expect(res.body.pickableClasses.every((c: any) => c.units.length > 0)).toBe(true);
      expect(res.body.conditions.map((c: any) => c.id)).toContain("liver-disease");
    },
  );

  it.skipIf(skip)("refuses the dose log without a session", async () => {
    const res = await client().post("/api/ingestions", {
      id: uuid(),
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: new Date().toISOString(),
    });
    expect(res.status).toBe(401);
  });

  it.skipIf(skip)(
    "logs a dose once: a retry with the same id returns the stored record",
    async () => {
      const c = await patient();
      const body = {
        id: uuid(),
        substance: "kratom-leaf",
        amount: 2.5,
        unit: "g",
        takenAt: ago(HOUR),
      };
      const first = await c.post("/api/ingestions", body);
      expect(first.status).toBe(201);
      expect(first.body.ingestion).toMatchObject({
        id: body.id,
        substanceId: "kratom-leaf",
        substanceName: "Kratom leaf powder",
        amount: 2.5,
        unit: "g",
        canonical: { amount: 2.5, unit: "g", pool: "kratom-leaf" },
      });
      expect(Array.isArray(first.body.warnings)).toBe(true);

      const again = await c.post("/api/ingestions", { ...body, amount: 9 });
      expect(again.status).toBe(200);
      expect(again.body.ingestion.amount).toBe(2.5);
      expect(again.body.warnings).toEqual(first.body.warnings);
      // The first answer is built from the row written, not read back: it must match the store.
      expect(again.body.ingestion).toEqual(first.body.ingestion);
      expect((await c.get(`/api/ingestions/${body.id}`)).body.ingestion).toEqual(
        first.body.ingestion,
      );
      // A retry answers with the stored dose even when its body would no longer be accepted.
      const stale = await c.post("/api/ingestions", { ...body, substance: "no-such-substance" });
      expect(stale.status).toBe(200);
      expect(stale.body.ingestion).toEqual(first.body.ingestion);

      const list = await c.get(`/api/ingestions?from=${encodeURIComponent(ago(24 * HOUR))}`);
      expect(list.status).toBe(200);
      expect(list.body.ingestions.filter((i: any) => i.id === body.id)).toHaveLength(1);
      expect(list.body.ingestions).toHaveLength(1);
    },
  );

  it.skipIf(skip)("refuses bad doses with a 400 naming the field", async () => {
    const c = await patient();
    const good = { substance: "kratom-leaf", amount: 2, unit: "g", takenAt: ago(HOUR) };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, amount: 0 }, "body.amount"],
      [{ ...good, amount: -1 }, "body.amount"],
      [{ ...good, amount: "2" }, "body.amount"],
      [{ ...good, unit: "capsule" }, "body.unit"],
      [{ ...good, unit: "bucket" }, "body.unit"],
      [{ ...good, takenAt: ago(-HOUR) }, "body.takenAt"],
      [{ ...good, takenAt: "yesterday" }, "body.takenAt"],
      [{ ...good, substance: "unicorn-dust" }, "body.substance"],
      [{ amount: 2, unit: "g", takenAt: ago(HOUR) }, "body.substance"],
      [{ ...good, productId: uuid() }, "body.productId"],
      [{ ...good, route: "telepathic" }, "body.route"],
    ];
    for (const [body, field] of cases) {
      const res = await c.post("/api/ingestions", { id: uuid(), ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(fieldOf(res), JSON.stringify(body)).toBe(field);
    }
    const badId = await c.post("/api/ingestions", { id: "not-a-uuid", ...good });
    expect(badId.status).toBe(400);
    expect(fieldOf(badId)).toBe("body.id");

    // JSON cannot say Infinity, but 1e999 parses to it: it must still be a 400, never a 5xx.
    const raw = await fetch(`${server.baseUrl}/api/ingestions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: c.cookie ?? "",
        "x-csrf-token": c.csrfToken ?? "",
      },
      body: `{"id":"${uuid()}","substance":"kratom-leaf","amount":1e999,"unit":"g","takenAt":"${ago(HOUR)}"}`,
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as any).error.details.fields[0].field).toBe("body.amount");

    const list = await c.get("/api/ingestions");
    expect(list.body.ingestions).toHaveLength(0);
  });

  it.skipIf(skip)(
    "accepts a time a few minutes ahead (clock skew) and counts it today",
    async () => {
      const c = await patient();
      const ahead = (ms: number) => new Date(server.clock.now().getTime() + ms).toISOString();
      const ok = await c.post("/api/ingestions", {
        id: uuid(),
        substance: "kratom-leaf",
        amount: 2,
        unit: "g",
        takenAt: ahead(2 * 60_000),
      });
      expect(ok.status).toBe(201);
      const tooFar = await c.post("/api/ingestions", {
        id: uuid(),
        substance: "kratom-leaf",
        amount: 2,
        unit: "g",
        takenAt: ahead(10 * 60_000),
      });
      expect(fieldOf(tooFar)).toBe("body.takenAt");
      const today = await c.get("/api/today");
      expect(today.body.exposure).not.toBeNull();
      expect(today.body.exposure.doses).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    "warns that kratom after alcohol is a dangerous combination, with its source",
    async () => {
      const c = await patient();
      const alcohol = await c.post("/api/ingestions", {
        id: uuid(),
        substance: "alcohol",
        amount: 2,
        unit: "drink",
        takenAt: ago(3 * HOUR),
      });
      expect(alcohol.status).toBe(201);

      const kratom = { substance: "kratom-leaf", amount: 2, unit: "g", takenAt: ago(0) };
      const check = await c.post("/api/safety/check", kratom);
      expect(check.status).toBe(200);
      const danger = check.body.warnings.find((w: any) => w.code === "interaction.opioid-alcohol");
      expect(danger).toMatchObject({ severity: "dangerous" });
      expect(danger.sources.length).toBeGreaterThan(0);
      expect(danger.sources.every((s: any) => s.url || s.doi)).toBe(true);
      expect(check.body.warnings[0].severity).toBe("dangerous");
      expect((await c.get("/api/ingestions")).body.ingestions).toHaveLength(1);

      const logged = await c.post("/api/ingestions", { id: uuid(), ...kratom });
      expect(logged.status).toBe(201);
      expect(logged.body.warnings.map((w: any) => w.code)).toContain("interaction.opioid-alcohol");

      const today = await c.get("/api/today");
      expect(today.status).toBe(200);
      expect(today.body.warnings.map((w: any) => w.code)).toContain("interaction.opioid-alcohol");
    },
  );

  it.skipIf(skip)("does not pair doses further apart than the rule's window", async () => {
    const c = await patient();
    await c.post("/api/ingestions", {
      id: uuid(),
      substance: "alcohol",
      amount: 1,
      unit: "drink",
      takenAt: ago(96 * HOUR),
    });
    const check = await c.post("/api/safety/check", {
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: ago(0),
    });
    expect(check.body.warnings.map((w: any) => w.code)).not.toContain("interaction.opioid-alcohol");
  });

  it.skipIf(skip)(
    "keeps another person's doses out of reach (404) and refuses their ids (409)",
    async () => {
      const owner = await patient();
      const other = await patient();
      const id = uuid();
      await owner.post("/api/ingestions", {
        id,
        substance: "kratom-leaf",
        amount: 2,
        unit: "g",
        takenAt: ago(HOUR),
      });
      expect((await other.get(`/api/ingestions/${id}`)).status).toBe(404);
      expect((await other.get(`/api/ingestions/${id}/history`)).status).toBe(404);
      expect((await other.patch(`/api/ingestions/${id}`, { amount: 1 })).status).toBe(404);
      expect((await other.delete(`/api/ingestions/${id}`)).status).toBe(404);
      const stolen = await other.post("/api/ingestions", {
        id,
        substance: "kratom-leaf",
        amount: 1,
        unit: "g",
        takenAt: ago(HOUR),
      });
      expect(stolen.status).toBe(409);
      expect(stolen.body.error.code).toBe("id_conflict");
      expect((await other.get("/api/ingestions")).body.ingestions).toHaveLength(0);
      const mine = await owner.get(`/api/ingestions/${id}`);
      expect(mine.body.ingestion.amount).toBe(2);
    },
  );

  it.skipIf(skip)("keeps every previous version when a dose is changed and deleted", async () => {
    const c = await patient();
    const id = uuid();
    await c.post("/api/ingestions", {
      id,
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: ago(2 * HOUR),
      notes: "morning",
    });
    const edited = await c.patch(`/api/ingestions/${id}`, { amount: 3, notes: null });
    expect(edited.status).toBe(200);
    expect(edited.body.ingestion).toMatchObject({ amount: 3, notes: null, unit: "g" });
    const badEdit = await c.patch(`/api/ingestions/${id}`, { unit: "capsule" });
    expect(badEdit.status).toBe(400);
    expect(fieldOf(badEdit)).toBe("body.unit");
    const future = await c.patch(`/api/ingestions/${id}`, { takenAt: ago(-2 * HOUR) });
    expect(fieldOf(future)).toBe("body.takenAt");

    const deleted = await c.delete(`/api/ingestions/${id}`);
    expect(deleted.status).toBe(204);
    expect((await c.get(`/api/ingestions/${id}`)).status).toBe(404);
    expect((await c.delete(`/api/ingestions/${id}`)).status).toBe(404);
    expect((await c.get("/api/ingestions")).body.ingestions).toHaveLength(0);

    const history = await c.get(`/api/ingestions/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.ingestion.deletedAt).not.toBeNull();
    expect(history.body.versions.map((v: any) => [v.version, v.change, v.previous.amount])).toEqual(
      [
        [1, "update", 2],
        [2, "delete", 3],
      ],
    );
    expect(history.body.versions[0].previous.notes).toBe("morning");
  });

  it.skipIf(skip)("audits every change to doses and products once, and nothing else", async () => {
    const c = await patient();
    const product = await c.post("/api/products", {
      id: uuid(),
      vendor: "Acme",
      name: "Audit caps",
      form: "capsules",
      gramsPerCapsule: 0.5,
    });
    expect(product.status).toBe(201);
    const productId = product.body.product.id as string;
    const doseId = uuid();
    const body = {
      id: doseId,
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: ago(HOUR),
    };
    expect((await c.post("/api/ingestions", body)).status).toBe(201);
    expect((await c.post("/api/ingestions", body)).status).toBe(200);
    expect((await c.patch(`/api/ingestions/${doseId}`, { amount: 3 })).status).toBe(200);
    expect((await c.patch(`/api/products/${productId}`, { lot: "L-7" })).status).toBe(200);
    expect((await c.delete(`/api/ingestions/${doseId}`)).status).toBe(204);
    expect((await c.delete(`/api/products/${productId}`)).status).toBe(204);
    // Nothing changes for a record that is gone: no entry either.
    expect((await c.delete(`/api/ingestions/${doseId}`)).status).toBe(404);
    expect((await c.patch(`/api/products/${productId}`, { lot: "L-8" })).status).toBe(404);

    const audit = await c.get("/api/audit?limit=100");
    const changes = audit.body.entries
      .filter((e: any) => e.entity === "ingestion" || e.entity === "product")
      .map((e: any) => `${e.action} ${e.entity} ${e.entityId === doseId ? "dose" : "product"}`)
      .sort();
    expect(changes).toEqual([
      "create ingestion dose",
      "create product product",
      "delete ingestion dose",
      "delete product product",
      "update ingestion dose",
      "update product product",
    ]);
  });

  it.skipIf(skip)(
    "logs by product: capsules count as grams of leaf, an extract never does",
    async () => {
      const c = await patient();
      const caps = await c.post("/api/products", {
        id: uuid(),
        vendor: "Acme",
        name: "Green Maeng Da caps",
        form: "capsules",
        lot: "L-42",
        gramsPerCapsule: 0.5,
      });
      expect(caps.status).toBe(201);
      expect(caps.body.product).toMatchObject({ substanceId: "kratom-capsules", lot: "L-42" });
      const dose = await c.post("/api/ingestions", {
        id: uuid(),
        productId: caps.body.product.id,
        amount: 4,
        unit: "capsule",
        takenAt: ago(HOUR),
      });
      expect(dose.status).toBe(201);
      expect(dose.body.ingestion.canonical).toEqual({ amount: 2, unit: "g", pool: "kratom-leaf" });
      expect(dose.body.ingestion.productName).toBe("Acme Green Maeng Da caps");

      const extract = await c.post("/api/products", {
        id: uuid(),
        vendor: "Acme",
        name: "Extract shot",
        form: "extract",
      });
      const shot = await c.post("/api/ingestions", {
        id: uuid(),
        productId: extract.body.product.id,
        amount: 50,
        unit: "mg",
        takenAt: ago(0),
      });
      expect(shot.body.ingestion.canonical.pool).not.toBe("kratom-leaf");

      const mislabelled = await c.post("/api/products", {
        id: uuid(),
        vendor: "Acme",
        name: "Extract called leaf",
        form: "extract",
        substanceId: "kratom-leaf",
      });
      expect(mislabelled.status).toBe(400);
      expect(fieldOf(mislabelled)).toBe("body.substanceId");
      const unnamed = await c.post("/api/products", {
        id: uuid(),
        vendor: "Health Co",
        name: "Magnesium",
        form: "other",
      });
      expect(fieldOf(unnamed)).toBe("body.substanceId");

      const other = await patient();
      const borrowed = await other.post("/api/ingestions", {
        id: uuid(),
        productId: caps.body.product.id,
        amount: 1,
        unit: "capsule",
        takenAt: ago(0),
      });
      expect(borrowed.status).toBe(400);
      expect(fieldOf(borrowed)).toBe("body.productId");
      expect((await other.get(`/api/products/${caps.body.product.id}`)).status).toBe(404);

      const renamed = await c.patch(`/api/products/${caps.body.product.id}`, { lot: "L-43" });
      expect(renamed.body.product).toMatchObject({ lot: "L-43", gramsPerCapsule: 0.5 });
      expect((await c.delete(`/api/products/${caps.body.product.id}`)).status).toBe(204);
      expect((await c.get("/api/products")).body.products.map((p: any) => p.name)).toEqual([
        "Extract shot",
      ]);
      const old = await c.get(`/api/ingestions/${dose.body.ingestion.id}`);
      expect(old.body.ingestion.productName).toBe("Acme Green Maeng Da caps");
    },
  );

  it.skipIf(skip)(
    "applies profile conditions and medicines, and refuses unknown ones",
    async () => {
      const c = await patient();
      const empty = await c.get("/api/profile");
      expect(empty.body).toMatchObject({ conditions: [], medicines: [], timeZone: "UTC" });

      const bad = await c.request("PUT", "/api/profile", {
        conditions: ["liver-disease", "werewolf"],
        medicines: [],
      });
      expect(bad.status).toBe(400);
      expect(fieldOf(bad)).toBe("body.conditions.1");
      const badMed = await c.request("PUT", "/api/profile", {
        conditions: [],
        medicines: ["snake-oil"],
      });
      expect(fieldOf(badMed)).toBe("body.medicines.0");

      const saved = await c.request("PUT", "/api/profile", {
        conditions: ["liver-disease"],
        medicines: ["alprazolam"],
        timeZone: "America/Chicago",
        jurisdiction: "US-TX",
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        conditions: ["liver-disease"],
        medicines: ["alprazolam"],
        timeZone: "America/Chicago",
        jurisdiction: "US-TX",
      });
      expect((await c.get("/api/me")).body.user.timeZone).toBe("America/Chicago");

      const check = await c.post("/api/safety/check", {
        substance: "kratom-leaf",
        amount: 2,
        unit: "g",
        takenAt: ago(0),
      });
      const codes = check.body.warnings.map((w: any) => w.code);
      expect(codes).toContain("condition.liver-disease.kratom");
      expect(codes).toContain("interaction.opioid-benzodiazepine");
    },
  );

  it.skipIf(skip)("checks doses against the active plan, capsules counted as leaf", async () => {
    const c = await patient();
    const caps = await c.post("/api/products", {
      id: uuid(),
      vendor: "Acme",
      name: "Caps",
      form: "capsules",
      gramsPerCapsule: 0.5,
    });
    const plan = await c.post("/api/plans", {
      id: uuid(),
      definition: {
        kind: "taper",
        substanceId: "kratom-leaf",
        unit: "g",
        startDate: server.clock.now().toISOString().slice(0, 10),
        startAmountPerDay: 4,
        step: { kind: "amount", amount: 0.5 },
        stepLengthDays: 7,
        maxPerDose: 2,
        minHoursBetweenDoses: 4,
      },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const codesFor = async (body: Record<string, unknown>) =>
      (await c.post("/api/safety/check", body)).body.warnings.map((w: any) => w.code);

    expect(
      await codesFor({
        productId: caps.body.product.id,
        amount: 6,
        unit: "capsule",
        takenAt: ago(0),
      }),
    ).toContain("plan.over-max-per-dose");
    expect(
      await codesFor({
        productId: caps.body.product.id,
        amount: 2,
        unit: "capsule",
        takenAt: ago(0),
      }),
    ).not.toContain("plan.over-max-per-dose");

    await c.post("/api/ingestions", {
      id: uuid(),
      substance: "kratom-leaf",
      amount: 1,
      unit: "g",
      takenAt: ago(HOUR),
    });
    expect(
      await codesFor({
        productId: caps.body.product.id,
        amount: 2,
        unit: "capsule",
        takenAt: ago(0),
      }),
    ).toContain("plan.too-soon");
    expect(
      await codesFor({ substance: "magnesium", amount: 100, unit: "mg", takenAt: ago(0) }),
    ).not.toContain("plan.too-soon");
  });

  it.skipIf(skip)("lets a custom substance inherit its class's rules", async () => {
    const c = await patient();
    const badClass = await c.post("/api/custom-substances", {
      id: uuid(),
      name: "Etizolam",
      classId: "kratom",
    });
    expect(fieldOf(badClass)).toBe("body.classId");
    const custom = await c.post("/api/custom-substances", {
      id: uuid(),
      name: "Etizolam",
      classId: "benzodiazepine",
    });
    expect(custom.status).toBe(201);
    expect(custom.body.customSubstance.units).toContain("mg");
    await c.post("/api/ingestions", {
      id: uuid(),
      substance: custom.body.customSubstance.id,
      amount: 1,
      unit: "mg",
      takenAt: ago(HOUR),
    });
    const check = await c.post("/api/safety/check", {
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: ago(0),
    });
    expect(check.body.warnings.map((w: any) => w.code)).toContain(
      "interaction.opioid-benzodiazepine",
    );
    const unknown = await c.post("/api/custom-substances", {
      id: uuid(),
      name: "Mystery pill",
      classId: null,
    });
    const mystery = await c.post("/api/ingestions", {
      id: uuid(),
      substance: unknown.body.customSubstance.id,
      amount: 1,
      unit: "tablet",
      takenAt: ago(0),
    });
    expect(mystery.status).toBe(201);
    expect(mystery.body.warnings.some((w: any) => w.code.startsWith("nodata."))).toBe(true);
  });

  it.skipIf(skip)(
    "shows today in the person's zone with totals and an estimated exposure",
    async () => {
      const c = await patient();
      const recent = { substance: "kratom-leaf", amount: 1.5, unit: "g" };
      await c.post("/api/ingestions", { id: uuid(), ...recent, takenAt: ago(60_000) });
      await c.post("/api/ingestions", { id: uuid(), ...recent, takenAt: ago(2 * 60_000) });
      await c.post("/api/ingestions", {
        id: uuid(),
        substance: "magnesium",
        amount: 200,
        unit: "mg",
        takenAt: ago(3 * 60_000),
      });
      const today = await c.get("/api/today");
      expect(today.status).toBe(200);
      expect(today.body.timeZone).toBe("UTC");
      expect(today.body.day).toBe(server.clock.now().toISOString().slice(0, 10));
      expect(today.body.ingestions.length).toBeGreaterThanOrEqual(1);
      const leafTotal = today.body.totals.find((t: any) => t.key === "pool:kratom-leaf");
      const leafToday = today.body.ingestions.filter((i: any) => i.substanceId === "kratom-leaf");
      expect(leafTotal.amount).toBeCloseTo(1.5 * leafToday.length);
      expect(today.body.exposure.disclaimer).toMatch(/not a measurement/);
      expect(today.body.exposure.points.length).toBeGreaterThan(24);
      for (const p of today.body.exposure.points) {
        expect(p.low).toBeLessThanOrEqual(p.central + 1e-9);
        expect(p.central).toBeLessThanOrEqual(p.high + 1e-9);
      }

      const recentList = await c.get("/api/ingestions/recent");
      expect(recentList.body.recent.map((r: any) => r.substanceId)).toEqual([
        "kratom-leaf",
        "magnesium",
      ]);
    },
  );
});
