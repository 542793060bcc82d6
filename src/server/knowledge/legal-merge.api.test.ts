import Fastify from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureJurisdiction as j } from "../../testing/legal-fixtures.ts";
import type { AppContext } from "../context.ts";
import { installErrorHandling } from "../http/error-handler.ts";
import { type KnowledgeBase, loadedKnowledgeBase } from "./knowledge-base.ts";
import { knowledgeRoutesWith } from "./routes.ts";

/**
 * The strictest-rule merge over HTTP on a made-up tree (not legal facts): the real data has no
 * city inside a county yet, so this tree gives one, and its dates are chosen to test staleness.
 */
const knowledge: KnowledgeBase = {
  ...loadedKnowledgeBase(),
  jurisdictions: [
    j({
      code: "XA",
      kind: "country",
      kratom: "legal",
      seven_oh: "under-review",
      as_of: "2026-01-01",
    }),
    j({
      code: "XA-RG",
      kind: "state",
      parent: "XA",
      kratom: "regulated",
      min_age: 18,
      as_of: "2026-01-01",
    }),
    j({
      code: "XA-RG-CTY",
      kind: "county",
      parent: "XA-RG",
      kratom: "banned",
      as_of: "2026-06-01",
    }),
    j({
      code: "XA-RG-TOWN",
      kind: "city",
      parent: "XA-RG-CTY",
      kratom: "regulated",
      min_age: 21,
      as_of: "2026-06-01",
    }),
  ],
};

describe("legal merge over HTTP on a made-up tree", () => {
  let now = new Date("2026-12-31T12:00:00Z");
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  let baseUrl = "";
  const get = async (path: string) => {
    const res = await fetch(baseUrl + path);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorate("mitra", { now: () => now } as unknown as AppContext);
    installErrorHandling(app);
    await app.register(knowledgeRoutesWith(knowledge));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = address;
  });
  afterAll(async () => app.close());

  it("resolves a city with its county, state and country; the county's ban wins", async () => {
    const res = await get("/api/legal/jurisdictions/XA-RG-TOWN");
    expect(res.status).toBe(200);
    expect(res.body.parents.map((p: { code: string }) => p.code)).toEqual([
      "XA-RG-CTY",
      "XA-RG",
      "XA",
    ]);
    expect(res.body.effective).toMatchObject({
      kratom: "banned",
      decidedBy: "XA-RG-CTY",
      sevenOh: "under-review",
      sevenOhDecidedBy: "XA",
      minAge: 21,
      minAgeDecidedBy: "XA-RG-TOWN",
    });
  });

  it("is fresh within twelve months and stale, with the oldest date, once a level is older", async () => {
    now = new Date("2026-12-31T12:00:00Z");
    const fresh = await get("/api/legal/jurisdictions/XA-RG-TOWN");
    expect(fresh.body.stale).toBe(false);
    expect(fresh.body.asOf).toBe("2026-01-01");

    now = new Date("2027-01-01T00:00:00Z");
    const stale = await get("/api/legal/jurisdictions/XA-RG-TOWN");
    expect(stale.body.jurisdiction.stale).toBe(false);
    expect(stale.body.parents.map((p: { stale: boolean }) => p.stale)).toEqual([false, true, true]);
    expect(stale.body.stale).toBe(true);
    expect(stale.body.asOf).toBe("2026-01-01");
  });
});
