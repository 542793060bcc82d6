import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knowledgeFiles } from "../../knowledge/registry.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

interface Finding {
  status: string;
  code: string;
  message: string;
  sources: unknown[];
}

describe.each(engines)("public knowledge over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  /** No session: knowledge is public. */
  const anonymous = () => new ApiClient(server.baseUrl);

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  describe("legal status", () => {
    it.skipIf(skip)("answers US, US-AL, US-FL and TH with their parents", async () => {
      const c = anonymous();
      const us = await c.get("/api/legal/jurisdictions/US");
      expect(us.status).toBe(200);
      expect(us.body.jurisdiction).toMatchObject({ code: "US", kind: "country" });
      expect(us.body.parents).toEqual([]);
      expect(us.body.effective.decidedBy).toBe("US");

      const al = await c.get("/api/legal/jurisdictions/US-AL");
      expect(al.body.parents.map((p: { code: string }) => p.code)).toEqual(["US"]);
      expect(al.body.effective).toMatchObject({ kratom: "banned", decidedBy: "US-AL" });

      const fl = await c.get("/api/legal/jurisdictions/us-fl");
      expect(fl.status).toBe(200);
      expect(fl.body.jurisdiction.code).toBe("US-FL");
      expect(fl.body.parents.map((p: { code: string }) => p.code)).toEqual(["US"]);
      // Florida regulates (stricter than the federal "legal") and bans 7-OH; 21 and over.
      expect(fl.body.effective).toMatchObject({
        kratom: "regulated",
        decidedBy: "US-FL",
        sevenOh: "banned",
        sevenOhDecidedBy: "US-FL",
        minAge: 21,
        minAgeDecidedBy: "US-FL",
      });

      const th = await c.get("/api/legal/jurisdictions/TH");
      expect(th.body.jurisdiction).toMatchObject({ code: "TH", name: "Thailand" });
      expect(th.body.parents).toEqual([]);
      expect(th.body.jurisdiction.sources.length).toBeGreaterThan(0);
      expect(th.body.jurisdiction.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it.skipIf(skip)(
      "lets a county's ban win over its state and keeps the state's age",
      async () => {
        const res = await anonymous().get("/api/legal/jurisdictions/US-FL-SARASOTA");
        expect(res.body.parents.map((p: { code: string }) => p.code)).toEqual(["US-FL", "US"]);
        expect(res.body.effective).toMatchObject({
          kratom: "banned",
          decidedBy: "US-FL-SARASOTA",
          minAge: 21,
          minAgeDecidedBy: "US-FL",
        });
      },
    );

    it.skipIf(skip)("resolves a city with its state and country", async () => {
      const res = await anonymous().get("/api/legal/jurisdictions/US-CA-SD");
      expect(res.body.jurisdiction.kind).toBe("city");
      expect(res.body.parents.map((p: { code: string }) => p.code)).toEqual(["US-CA", "US"]);
      expect(res.body.effective).toMatchObject({ kratom: "banned", decidedBy: "US-CA-SD" });
    });

    it.skipIf(skip)("gives the oldest as_of along the chain and flags staleness", async () => {
      const res = await anonymous().get("/api/legal/jurisdictions/US-FL-SARASOTA");
      const dates = [res.body.jurisdiction, ...res.body.parents].map(
        (j: { as_of: string }) => j.as_of,
      );
      expect(res.body.asOf).toBe([...dates].sort()[0]);
      const anyStale = [res.body.jurisdiction, ...res.body.parents].some(
        (j: { stale: boolean }) => j.stale,
      );
      expect(res.body.stale).toBe(anyStale);
    });

    it.skipIf(skip)("answers 404 for an unknown code and 400 for a malformed one", async () => {
      const unknown = await anonymous().get("/api/legal/jurisdictions/ZZ");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: "not_found", details: { code: "ZZ" } });
      expect(unknown.body.error.message).toMatch(/does not mean kratom is legal/);
      const bad = await anonymous().get("/api/legal/jurisdictions/U$A");
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields[0].field).toBe("params.code");
    });

    it.skipIf(skip)("searches by name and by code", async () => {
      const byName = await anonymous().get("/api/legal/jurisdictions?q=florida");
      expect(byName.status).toBe(200);
      expect(byName.body.jurisdictions[0]).toMatchObject({ code: "US-FL", name: "Florida" });
      const byCode = await anonymous().get("/api/legal/jurisdictions?q=us-fl");
      const codes = byCode.body.jurisdictions.map((j: { code: string }) => j.code);
      expect(codes[0]).toBe("US-FL");
      expect(codes).toContain("US-FL-SARASOTA");
      const all = await anonymous().get("/api/legal/jurisdictions");
      expect(all.body.jurisdictions.length).toBeGreaterThan(80);
      expect(all.body.jurisdictions[0]).not.toHaveProperty("sources");
      const long = await anonymous().get(`/api/legal/jurisdictions?q=${"x".repeat(101)}`);
      expect(long.status).toBe(400);
      expect(long.body.error.details.fields[0].field).toBe("query.q");
    });

    it.skipIf(skip)(
      "answers a signed-in person the same, and their jurisdiction resolves",
      async () => {
        const c = new ApiClient(server.baseUrl);
        await c.register("patient");
        const patched = await c.patch("/api/me", { jurisdiction: "US-FL" });
        expect(patched.status).toBe(200);
        const me = await c.get("/api/me");
        const res = await c.get(`/api/legal/jurisdictions/${me.body.user.jurisdiction}`);
        expect(res.status).toBe(200);
        expect(res.body.effective.minAge).toBe(21);
      },
    );
  });

  describe("certificate check", () => {
    const check = (body: unknown) => anonymous().post("/api/coa/check", body);
    const find = (findings: Finding[], code: string) => findings.find((f) => f.code === code);

    it.skipIf(skip)("fails a 7-OH share far above the 2% cap", async () => {
      const res = await check({
        mitragyninePercent: 1,
        sevenOhPercent: 30,
        totalAlkaloidsPercent: 32,
        lab: "Test Lab",
        lot: "A1",
        testDate: "2026-01-10",
      });
      expect(res.status).toBe(200);
      const cap = find(res.body.findings, "coa.seven_oh.kcpa-2pct-alkaloids");
      expect(cap?.status).toBe("fail");
      expect(cap?.message).toMatch(/above the 2% cap/);
      expect(cap?.sources.length).toBeGreaterThan(0);
      expect(res.body.findings[0].status).toBe("fail");
    });

    it.skipIf(skip)(
      "judges a certificate for a person in Georgia by Georgia's per-serving cap",
      async () => {
        const res = await check({
          mitragyninePercent: 1.6,
          sevenOhPercent: 0.03,
          totalAlkaloidsPercent: 2,
          servingGrams: 5,
          jurisdiction: "us-ga",
        });
        expect(res.status).toBe(200);
        expect(res.body.place).toEqual({ code: "US-GA", name: "Georgia", chain: ["US-GA", "US"] });
        expect(find(res.body.findings, "coa.seven_oh.kcpa-2pct-alkaloids")?.status).toBe("pass");
        expect(find(res.body.findings, "coa.seven_oh.georgia-7oh-per-serving")?.status).toBe(
          "fail",
        );
        expect(find(res.body.findings, "coa.local.verdict")?.message).toMatch(
          /Not allowed where you live \(Georgia\)/,
        );
      },
    );

    it.skipIf(skip)("refuses a place Mitra has no record for, naming the field", async () => {
      const res = await check({ sevenOhPercent: 0.02, jurisdiction: "ZZ" });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.details.fields[0].field).toBe("body.jurisdiction");
    });

    it.skipIf(skip)("fails lead over the daily limit and passes lead under it", async () => {
      const over = await check({ heavyMetalsUgPerG: { lead: 2 }, dailyGrams: 10 });
      expect(find(over.body.findings, "coa.metal.lead")?.status).toBe("fail");
      const under = await check({ heavyMetalsUgPerG: { lead: 0.1 }, dailyGrams: 10 });
      expect(find(under.body.findings, "coa.metal.lead")?.status).toBe("pass");
    });

    it.skipIf(skip)("calls a missing microbial test not tested, never a pass", async () => {
      const res = await check({ microbial: { eColi: "absent" } });
      expect(find(res.body.findings, "coa.microbial.salmonella")?.status).toBe("not-tested");
      expect(find(res.body.findings, "coa.microbial.e-coli")?.status).toBe("pass");
      const empty = await check({});
      expect(empty.status).toBe(200);
      expect(empty.body.findings.length).toBeGreaterThan(0);
      expect(empty.body.findings.filter((f: Finding) => f.status === "pass")).toEqual([]);
    });

    it.skipIf(skip)("explains strain names in the product's name", async () => {
      const res = await check({ productName: "Red Maeng Da capsules" });
      expect(res.body.strainName.matched).toEqual(expect.arrayContaining(["Maeng Da"]));
      expect(res.body.strainName.sources.length).toBeGreaterThan(0);
      const plain = await check({ productName: "Leaf powder" });
      expect(plain.body).not.toHaveProperty("strainName");
    });

    it.skipIf(skip)("refuses bad values with a 400 naming the field", async () => {
      const word = await check({ heavyMetalsUgPerG: { lead: "high" } });
      expect(word.status).toBe(400);
      expect(word.body.error.code).toBe("invalid_input");
      expect(word.body.error.details.fields[0].field).toBe("body.heavyMetalsUgPerG.lead");
      const percent = await check({ sevenOhPercent: 150 });
      expect(percent.body.error.details.fields[0].field).toBe("body.sevenOhPercent");
      const grams = await check({ dailyGrams: -1 });
      expect(grams.body.error.details.fields[0].field).toBe("body.dailyGrams");
      const date = await check({ testDate: "10/01/2026" });
      expect(date.body.error.details.fields[0].field).toBe("body.testDate");
      const typo = await check({ leadd: 1 });
      expect(typo.status).toBe(400);
      expect(typo.body.error.message).toMatch(/leadd/);
    });
  });

  describe("evidence, first-line care, versions and search", () => {
    it.skipIf(skip)("lists claims by topic, with the false claims marked", async () => {
      const law = await anonymous().get("/api/evidence?topic=law");
      expect(law.status).toBe(200);
      expect(law.body.claims.length).toBeGreaterThan(0);
      expect(law.body.claims.every((c: { topics: string[] }) => c.topics.includes("law"))).toBe(
        true,
      );
      const fda = law.body.claims.find((c: { id: string }) => c.id === "fda-scheduled-kratom");
      expect(fda.verdict).toBe("false");
      const all = await anonymous().get("/api/evidence");
      expect(all.body.claims.length).toBeGreaterThan(law.body.claims.length);
      expect(all.body.topics).toContain("magnesium");
      const bad = await anonymous().get("/api/evidence?topic=astrology");
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields[0].field).toBe("query.topic");
    });

    it.skipIf(skip)("answers one claim by id, 404 for an unknown one", async () => {
      const one = await anonymous().get("/api/evidence/kratom-treats-hyperpigmentation");
      expect(one.body.claim).toMatchObject({ verdict: "false" });
      expect(one.body.claim.sources.length).toBeGreaterThan(0);
      const none = await anonymous().get("/api/evidence/no-such-claim");
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe("not_found");
    });

    it.skipIf(skip)("lists the first-line treatments and naloxone", async () => {
      const res = await anonymous().get("/api/first-line-care");
      const ids = res.body.care.map((c: { id: string }) => c.id);
      for (const id of ["buprenorphine", "methadone", "naltrexone", "lofexidine", "clonidine"]) {
        expect(ids).toContain(id);
      }
      expect(ids).toContain("naloxone");
      expect(res.headers.get("cache-control")).toMatch(/max-age/);
    });

    it.skipIf(skip)("gives each knowledge file's version and as_of", async () => {
      const res = await anonymous().get("/api/knowledge/version");
      expect(res.body.files.map((f: { file: string }) => f.file)).toEqual(
        knowledgeFiles.map((f) => f.file),
      );
      for (const f of res.body.files) {
        expect(f.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(f.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });

    it.skipIf(skip)("searches jurisdictions, claims and care together", async () => {
      const schedule = await anonymous().get("/api/search?q=schedule");
      expect(schedule.status).toBe(200);
      expect(schedule.body.claims.map((c: { id: string }) => c.id)).toContain(
        "fda-scheduled-kratom",
      );
      const thai = await anonymous().get("/api/search?q=thailand");
      expect(thai.body.jurisdictions[0].code).toBe("TH");
      const naloxone = await anonymous().get("/api/search?q=naloxone");
      expect(naloxone.body.care.map((c: { id: string }) => c.id)).toContain("naloxone");
      const empty = await anonymous().get("/api/search?q=%20");
      expect(empty.status).toBe(400);
      expect(empty.body.error.details.fields[0].field).toBe("query.q");
    });
  });
});
