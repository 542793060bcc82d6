import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { setClinicianApproval } from "../db/clinician-approval.ts";
import type { Database } from "../db/schema.ts";
import { buildApp } from "../server/app.ts";
import { passwordProblem } from "../server/auth/passwords.ts";
import type { Config } from "../server/config.ts";
import { DEMO_DAYS, demoRecord } from "./demo-record.ts";
import { InProcessClient } from "./in-process-client.ts";
import { openMigratedDatabase } from "./serve.ts";

/** The demo's accounts. example.org is reserved for examples: no one receives its mail. */
export const DEMO_PATIENT_EMAIL = "demo.patient@example.org";
export const DEMO_CLINICIAN_EMAIL = "demo.clinician@example.org";

export interface SeedDemoOptions {
  /** Seed even though the database has accounts that are not the demo's. */
  force: boolean;
  /** Where to say what happened (console.log by default). */
  log?: (line: string) => void;
  now?: Date;
}

/** Why seeding must not run on this database, or null when it may. */
async function refusal(db: Kysely<Database>, force: boolean): Promise<string | null> {
  const users = await db.selectFrom("users").select(["email"]).execute();
  const demo = users.filter(
    (u) => u.email === DEMO_PATIENT_EMAIL || u.email === DEMO_CLINICIAN_EMAIL,
  );
  if (demo.length > 0) {
    return (
      `the demo accounts are already in this database (${demo.map((u) => u.email).join(", ")}); ` +
      "seed-demo runs once per database and never changes or adds to an existing demo"
    );
  }
  if (users.length > 0 && !force) {
    return (
      `this database already has ${users.length} account${users.length === 1 ? "" : "s"}. ` +
      "Demo records would sit beside real ones (and show on the administrator's pages); " +
      "run with --force to seed anyway"
    );
  }
  return null;
}

function demoPassword(): { password: string; generated: boolean } {
  const given = process.env.MITRA_DEMO_PASSWORD;
  if (given) {
    const problem = passwordProblem(given, DEMO_PATIENT_EMAIL);
    if (problem) throw new Error(`MITRA_DEMO_PASSWORD refused: ${problem}`);
    return { password: given, generated: false };
  }
  return { password: `demo-${randomBytes(12).toString("base64url")}`, generated: true };
}

/**
 * `mitra seed-demo`: a demo clinician and a demo patient with two weeks of records, so every page
 * has something to show. Everything goes through the API's own routes (in the process, with the
 * demo accounts' sessions): registration, the care link, the plan the clinician sets, each dose
 * and check-in with its safety check, and the audit log of each. Refuses a second run and, unless
 * forced, a database that has other accounts. If a step fails, the demo accounts made so far are
 * deleted again through the account-deletion route.
 */
export async function seedDemo(config: Config, options: SeedDemoOptions): Promise<void> {
  const log = options.log ?? console.log;
  const { password, generated } = demoPassword();
  const database = await openMigratedDatabase(config);
  try {
    const refused = await refusal(database.db, options.force);
    if (refused) throw new Error(`seed-demo refused: ${refused}`);
    const now = options.now ?? new Date();
    const app = await buildApp({
      config,
      database,
      webRoot: "/nonexistent",
      now: () => now,
      logger: false,
    });
    const patient = new InProcessClient(app);
    const clinician = new InProcessClient(app);
    const made: InProcessClient[] = [];
    try {
      const timeZone = localTimeZone();
      const patientId = (
        await patient.send<{ user: { id: string } }>("POST", "/api/auth/register", {
          email: DEMO_PATIENT_EMAIL,
          password,
          role: "patient",
          displayName: "Demo Patient",
          timeZone,
        })
      ).body.user.id;
      made.push(patient);
      const clinicianId = (
        await clinician.send<{ user: { id: string } }>("POST", "/api/auth/register", {
          email: DEMO_CLINICIAN_EMAIL,
          password,
          role: "clinician",
          displayName: "Dr Demo",
          timeZone,
          licence: "Demo clinician (not a real licence)",
        })
      ).body.user.id;
      made.push(clinician);
      // Whoever runs seed-demo administers this Mitra: the demo clinician is approved.
      await setClinicianApproval(database.db, clinicianId, "approved", now);

      const invitation = await patient.send<{ code: string }>("POST", "/api/care/invitations", {
        scopes: ["doses", "assessments", "notes", "products"],
        maySetPlans: true,
      });
      await clinician.send("POST", "/api/care/join", { code: invitation.body.code });

      const record = demoRecord(now, timeZone);
      await clinician.send("POST", `/api/clinician/patients/${patientId}/plans`, {
        id: randomUUID(),
        definition: record.plan,
      });
      await patient.send("POST", "/api/products", {
        id: randomUUID(),
        vendor: "Demo vendor",
        name: "Demo leaf powder",
        form: "leaf-powder",
      });
      const warned = new Map<string, number>();
      let dosesWarned = 0;
      for (const dose of record.doses) {
        const res = await patient.send<{ warnings: { code: string; severity: string }[] }>(
          "POST",
          "/api/ingestions",
          { id: randomUUID(), ...dose },
        );
        const serious = res.body.warnings.filter((w) => w.severity !== "info");
        if (serious.length > 0) dosesWarned++;
        for (const w of serious) warned.set(w.code, (warned.get(w.code) ?? 0) + 1);
      }
      for (const checkIn of record.checkIns) {
        await patient.send("POST", "/api/assessments", { id: randomUUID(), ...checkIn });
      }
      await clinician.send("POST", `/api/clinician/patients/${patientId}/notes`, {
        id: randomUUID(),
        body: "Demo note: reviewed the first two weeks of the taper with the patient.",
      });

      log(`Demo data for the last ${DEMO_DAYS} days, in ${timeZone}:`);
      log(`  patient    ${DEMO_PATIENT_EMAIL}`);
      log(`  clinician  ${DEMO_CLINICIAN_EMAIL} (follows the patient, set the taper plan)`);
      log(
        `  ${record.doses.length} doses, ${record.checkIns.length} check-ins, 1 plan, ` +
          "1 product, 1 clinician note",
      );
      log(`  ${dosesWarned} of ${record.doses.length} doses carried a warning of caution or worse`);
      if (warned.size > 0) {
        log(`  warnings given: ${[...warned].map(([c, n]) => `${c} x${n}`).join(", ")}`);
      }
      log(
        generated
          ? `Password for both (shown only now; set MITRA_DEMO_PASSWORD to choose it): ${password}`
          : "Password for both: the one in MITRA_DEMO_PASSWORD.",
      );
    } catch (error) {
      for (const client of made.reverse()) {
        await client.send("DELETE", "/api/me", { password }).catch(() => undefined);
      }
      throw error;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The machine's zone, so "today" on the demo is the viewer's today. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
