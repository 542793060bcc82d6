import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

/** Times in the years 0000-0999 answered 500 (issue 12): now a 400 naming the field. */
describe("times outside 1900-2100", () => {
  let server: TestServer;
  let c: ApiClient;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    c = new ApiClient(server.baseUrl);
    await c.register();
  });
  afterAll(async () => server?.close());

  const dose = (takenAt: string) => ({
    id: randomUUID(),
    substance: "kratom-leaf",
    amount: 2,
    unit: "g",
    takenAt,
  });

  it.each(["0999-06-01T08:00:00Z", "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z"])(
    "refuses a dose and a safety check taken at %s with 400",
    async (takenAt) => {
      for (const path of ["/api/ingestions", "/api/safety/check"]) {
        const res = await c.post(path, dose(takenAt));
        expect(res.status).toBe(400);
        expect(res.body.error.details.fields[0].field).toBe("body.takenAt");
      }
    },
  );

  it("refuses a report range starting before 1900 with 400", async () => {
    const res = await c.get("/api/export/pdf?from=0500-01-01T00:00:00Z&to=0500-02-01T00:00:00Z");
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toMatch(/^query\.(from|to)$/);
  });

  it("still accepts a dose taken an hour ago", async () => {
    const res = await c.post(
      "/api/ingestions",
      dose(new Date(Date.now() - 3_600_000).toISOString()),
    );
    expect(res.status).toBe(201);
  });
});
