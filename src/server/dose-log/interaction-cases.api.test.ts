import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const HOUR = 3_600_000;

/**
 * The combinations the interaction-matrix issue found silent or too mild, each reproduced as a
 * person would: the first substance logged an hour earlier, then POST /api/safety/check for the
 * second. [first, then, expected severity, expected code of the worst pair warning].
 */
const CASES: [string, string, string, string][] = [
  ["alcohol", "alprazolam", "dangerous", "interaction.alcohol-benzodiazepine"],
  ["alcohol", "ghb", "dangerous", "interaction.ghb-depressant"],
  ["alprazolam", "ghb", "dangerous", "interaction.ghb-depressant"],
  ["alprazolam", "gabapentin", "unsafe", "interaction.depressant-stacking"],
  ["alcohol", "diphenhydramine", "dangerous", "interaction.tripsit-alcohol-diphenhydramine"],
  ["sertraline", "tranylcypromine", "dangerous", "interaction.maoi-serotonergic"],
  ["venlafaxine", "phenelzine", "dangerous", "interaction.maoi-serotonergic"],
  ["dextromethorphan", "sertraline", "dangerous", "interaction.tripsit-dextromethorphan-ssris"],
  ["dextromethorphan", "phenelzine", "dangerous", "interaction.maoi-serotonergic"],
  ["amphetamine", "tranylcypromine", "dangerous", "interaction.maoi-stimulant"],
  ["cocaine", "phenelzine", "dangerous", "interaction.maoi-stimulant"],
  ["tramadol", "sertraline", "dangerous", "interaction.tramadol-serotonergic"],
  ["tramadol", "phenelzine", "dangerous", "interaction.tramadol-serotonergic"],
  ["tramadol", "amphetamine", "dangerous", "interaction.tripsit-tramadol-amphetamines"],
  ["heroin", "fentanyl", "dangerous", "interaction.full-opioid-stacking"],
  ["naltrexone", "heroin", "dangerous", "interaction.naltrexone-then-opioid"],
  ["heroin", "naltrexone", "unsafe", "interaction.opioid-then-naltrexone"],
  ["kratom-leaf", "buprenorphine", "caution", "interaction.opioid-then-buprenorphine"],
  ["kratom-leaf", "citalopram", "caution", "interaction.kratom-qt"],
  ["loperamide", "kratom-leaf", "unsafe", "interaction.kratom-loperamide"],
];

const UNITS: Record<string, string> = { alcohol: "drink", "kratom-leaf": "g", ghb: "ml" };

describe.each(engines)("the issue's combinations over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const ago = (ms: number) => new Date(server.clock.now().getTime() - ms).toISOString();

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  for (const [first, then, severity, code] of CASES) {
    it.skipIf(skip)(`${first} then ${then}: ${severity}`, async () => {
      const c = new ApiClient(server.baseUrl);
      await c.register("patient");
      const logged = await c.post("/api/ingestions", {
        id: crypto.randomUUID(),
        substance: first,
        amount: 1,
        unit: UNITS[first] ?? "mg",
        takenAt: ago(HOUR),
      });
      expect(logged.status).toBe(201);
      const check = await c.post("/api/safety/check", {
        substance: then,
        amount: 1,
        unit: UNITS[then] ?? "mg",
        takenAt: ago(0),
      });
      expect(check.status).toBe(200);
      const pair = check.body.warnings.filter(
        (w: { code: string }) =>
          w.code.startsWith("interaction.") || w.code.startsWith("nodata.pair."),
      );
      expect(pair[0]?.code).toBe(code);
      expect(pair[0]?.severity).toBe(severity);
      expect(pair[0]?.sources.length).toBeGreaterThan(0);
    });
  }
});
