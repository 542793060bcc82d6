import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays, targetForDay } from "../core/plan/index.ts";
import { openDatabase, parseDatabaseUrl } from "../db/connection.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { ApiClient } from "../testing/test-server.ts";
import { DEMO_DAYS, DEMO_MAGNESIUM, demoPlan, demoRecord, splitDay } from "./demo-record.ts";

/** `mitra seed-demo` as a child process on temporary SQLite files, then read back over HTTP. */

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD = "demo-harbour-lamp-42";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mitra(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          NODE_NO_WARNINGS: "1",
          MITRA_LOG_LEVEL: "silent",
          TZ: "UTC",
          ...env,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const freshDatabase = () =>
  `sqlite:${join(mkdtempSync(join(tmpdir(), "mitra-seed-demo-")), "mitra.sqlite")}`;

/** A real server over the seeded file, and a signed-in client for an account. */
async function serverOver(url: string) {
  const database = await openDatabase(parseDatabaseUrl(url));
  const app = await buildApp({
    config: { ...loadConfig({}), logLevel: "silent" },
    database,
    webRoot: "/nonexistent",
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    signIn: async (email: string, password: string) => {
      const client = new ApiClient(baseUrl);
      const res = await client.post("/api/auth/login", { email, password });
      return { client, status: res.status };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

describe("mitra seed-demo", () => {
  it("seeds a clinician and a patient with two weeks of records within the plan", async () => {
    const url = freshDatabase();
    const run = await mitra(["seed-demo"], {
      MITRA_DATABASE_URL: url,
      MITRA_DEMO_PASSWORD: PASSWORD,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("demo.patient@example.org");
    expect(run.stdout).toContain("demo.clinician@example.org");
    expect(run.stdout).not.toContain(PASSWORD);

    const server = await serverOver(url);
    try {
      const patient = await server.signIn("demo.patient@example.org", PASSWORD);
      expect(patient.status).toBe(200);
      const p = patient.client;
      const plans = (await p.get("/api/plans?status=active")).body.plans;
      expect(plans).toHaveLength(1);
      const plan = plans[0];
      // The seeding's today (the run may have crossed midnight since).
      const today = addDays(plan.current.definition.startDate, DEMO_DAYS);
      const now = new Date();
      expect(
        [now, new Date(now.getTime() - 86_400_000)].map((d) => d.toISOString().slice(0, 10)),
      ).toContain(today);
      expect(plan.current.definition).toEqual(demoPlan(today));
      // Set by the clinician, who follows the patient.
      expect(plan.createdBy).not.toBe(plan.userId);

      // Every day of the two weeks: doses on it, never over the plan, none too big or too soon.
      const adherence = await p.get(
        `/api/plans/${plan.id}/adherence?from=${addDays(today, -DEMO_DAYS)}&to=${addDays(today, -1)}`,
      );
      expect(adherence.status).toBe(200);
      const days = adherence.body.days;
      expect(days).toHaveLength(DEMO_DAYS);
      for (const day of days) {
        expect(day.doses, day.day).toBe(3);
        expect(day.taken, day.day).toBeLessThanOrEqual(day.planned);
        expect(day.status, day.day).toBe("on-plan");
        expect(day.dosesOverMaxPerDose, day.day).toBe(0);
        expect(day.dosesTooSoon, day.day).toBe(0);
      }
      expect(new Set(days.map((d: { planned: number }) => d.planned)).size).toBeGreaterThan(1);

      const doses = (await p.get("/api/ingestions")).body.ingestions as {
        substanceId: string;
        amount: number;
        unit: string;
      }[];
      // Routine doses on plan, with the magnesium this product exists for, warn about nothing
      // of caution or worse (the kratom-magnesium pair is decided; warnings must stay rare).
      expect(run.stdout).toContain(
        `0 of ${doses.length} doses carried a warning of caution or worse`,
      );
      const magnesium = doses.filter((d) => d.substanceId === DEMO_MAGNESIUM.substance);
      expect(magnesium.length).toBeGreaterThanOrEqual(DEMO_DAYS);
      expect(magnesium.every((d) => d.amount === 400 && d.unit === "mg")).toBe(true);
      expect(new Set(doses.map((d) => d.substanceId))).toEqual(
        new Set(["kratom-leaf", DEMO_MAGNESIUM.substance]),
      );

      const checkIns = (await p.get("/api/assessments")).body.assessments as {
        instrument: string;
        total: number | null;
      }[];
      const sows = checkIns.filter((c) => c.instrument === "sows");
      expect(sows.length).toBeGreaterThanOrEqual(DEMO_DAYS);
      expect(new Set(sows.map((c) => c.total)).size).toBeGreaterThan(3);
      expect(checkIns.some((c) => c.instrument === "quick-check")).toBe(true);
      expect((await p.get("/api/products")).body.products).toHaveLength(1);

      const clinician = await server.signIn("demo.clinician@example.org", PASSWORD);
      expect(clinician.status).toBe(200);
      const dashboard = (await clinician.client.get("/api/clinician/patients")).body.patients;
      expect(dashboard.map((r: { patient: { email: string } }) => r.patient.email)).toEqual([
        "demo.patient@example.org",
      ]);
      const notes = await clinician.client.get(`/api/clinician/patients/${plan.userId}/timeline`);
      expect(notes.body.notes).toHaveLength(1);
    } finally {
      await server.close();
    }

    // A second run refuses and adds nothing.
    const again = await mitra(["seed-demo", "--force"], {
      MITRA_DATABASE_URL: url,
      MITRA_DEMO_PASSWORD: PASSWORD,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already in this database/);
    const reopened = await serverOver(url);
    try {
      const p = (await reopened.signIn("demo.patient@example.org", PASSWORD)).client;
      expect((await p.get("/api/plans")).body.plans).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it("refuses a database with other accounts unless --force, and prints a made-up password once", async () => {
    const url = freshDatabase();
    const admin = await mitra(["create-admin", "real.admin@example.org"], {
      MITRA_DATABASE_URL: url,
      MITRA_ADMIN_PASSWORD: "real-admin-lamp-42",
    });
    expect(admin.code).toBe(0);
    const refused = await mitra(["seed-demo"], { MITRA_DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already has 1 account\. .*--force/);

    const forced = await mitra(["seed-demo", "--force"], {
      MITRA_DATABASE_URL: url,
      MITRA_DEMO_PASSWORD: "",
    });
    expect(forced.code).toBe(0);
    const password = forced.stdout.match(/shown only now.*: (\S+)$/m)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    const server = await serverOver(url);
    try {
      expect((await server.signIn("demo.patient@example.org", password)).status).toBe(200);
      expect((await server.signIn("demo.clinician@example.org", password)).status).toBe(200);
      expect((await server.signIn("real.admin@example.org", "real-admin-lamp-42")).status).toBe(
        200,
      );
    } finally {
      await server.close();
    }
  }, 120_000);

  it("refuses a demo password that would be refused at sign-up", async () => {
    const run = await mitra(["seed-demo"], {
      MITRA_DATABASE_URL: freshDatabase(),
      MITRA_DEMO_PASSWORD: "short",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MITRA_DEMO_PASSWORD refused/);
  }, 60_000);
});

describe("the demo record", () => {
  const zones = ["UTC", "America/Los_Angeles", "Asia/Bangkok"];
  const nows = ["2026-03-29T00:30:00Z", "2026-07-15T12:00:00Z", "2026-12-01T23:59:00Z"];

  it("never goes over the plan's daily target, per-dose maximum or spacing", () => {
    for (const zone of zones) {
      for (const iso of nows) {
        const now = new Date(iso);
        const { plan, doses } = demoRecord(now, zone);
        const kratom = doses.filter((d) => d.substance === "kratom-leaf");
        const byDay = new Map<string, number>();
        for (const d of kratom) {
          expect(d.amount).toBeLessThanOrEqual(plan.maxPerDose ?? 0);
          expect(Date.parse(d.takenAt)).toBeLessThan(now.getTime());
          const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(
            new Date(d.takenAt),
          );
          byDay.set(day, (byDay.get(day) ?? 0) + d.amount);
        }
        for (const [day, total] of byDay) {
          expect(total).toBeLessThanOrEqual(targetForDay(plan, day) ?? 0);
        }
        const times = kratom.map((d) => Date.parse(d.takenAt)).sort((a, b) => a - b);
        for (let i = 1; i < times.length; i++) {
          expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(
            (plan.minHoursBetweenDoses ?? 0) * 3_600_000,
          );
        }
        expect(byDay.size).toBeGreaterThanOrEqual(DEMO_DAYS);
      }
    }
  });

  it("splits a day in tenths of a gram that never add up to more than the day", () => {
    expect(splitDay(6, 3)).toEqual([2, 2, 2]);
    expect(splitDay(5.4, 3)).toEqual([1.8, 1.8, 1.8]);
    expect(splitDay(4.9, 3)).toEqual([1.7, 1.6, 1.6]);
    expect(splitDay(4.86, 3)).toEqual([1.6, 1.6, 1.6]);
    expect(splitDay(0.05, 3)).toEqual([0, 0, 0]);
  });
});
