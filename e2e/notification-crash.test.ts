import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../src/testing/care-team-records.ts";
import { expectNoHealthData } from "../src/testing/health-data-check.ts";
import { SmtpPeer } from "../src/testing/smtp-peer.ts";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../src/testing/test-databases.ts";
import { ApiClient } from "../src/testing/test-server.ts";
import { type ServerProcess, startServerProcess } from "./support/server-process.ts";

/**
 * A red flag's e-mail is in flight (the SMTP server took the message and has not answered) when
 * the server process is killed with SIGKILL. After a restart on the same database the e-mail
 * reaches the SMTP server exactly once: the event was committed with the check-in, and a message
 * the SMTP server never acknowledged counts as not sent. On PostgreSQL the restarted instance
 * takes the job once pg-boss expires the dead instance's hold on it (30 s).
 */

const pgReachable = await isPostgresReachable();

describe.each(engines)("notification delivery across a SIGKILL on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  const smtp = new SmtpPeer();

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    await database?.destroy();
    await smtp.stop();
  });

  it.skipIf(skip)(
    "loses and duplicates nothing",
    async () => {
      database = await createTestDatabase(engine);
      const smtpUrl = await smtp.start();
      const start = () =>
        startServerProcess(database?.url ?? "", 60_000, {
          argv: [process.execPath, "--import", "tsx", "src/cli/main.ts", "serve"],
          cwd: process.cwd(),
          // The clinician is not the first account: approval is off so it hears of red flags.
          env: {
            MITRA_SMTP_URL: smtpUrl,
            MITRA_MAIL_FROM: "mitra@example.org",
            MITRA_CLINICIAN_APPROVAL: "off",
          },
        });
      server = await start();
      const patient = new ApiClient(server.baseUrl);
      const clinician = new ApiClient(server.baseUrl);
      const me = await patient.register("patient");
      const doctor = await clinician.register("clinician");
      await linkClinician(patient, clinician);
      await smtp.waitFor(me.email, 1);

      smtp.stall = true;
      const res = await patient.post("/api/assessments", {
        id: randomUUID(),
        instrument: "red-flags",
        answers: answersFor("red-flags", (i) => (i === 1 ? 1 : 0)),
        takenAt: new Date().toISOString(),
      });
      expect(res.status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (smtp.stalled === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(smtp.stalled).toBe(1);

      server.child.kill("SIGKILL");
      expect(await server.exited).toBe("SIGKILL");
      smtp.stall = false;
      server = await start();

      const mails = await smtp.waitFor(doctor.email, 1, 90_000);
      expect(mails[0]?.subject).toBe("Mitra: a patient needs attention");
      // Time for a duplicate to show up, had there been one.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(smtp.to(doctor.email)).toHaveLength(1);
      expectNoHealthData(smtp.received.flatMap((m) => [m.subject, m.text, m.html]));
    },
    180_000,
  );
});
