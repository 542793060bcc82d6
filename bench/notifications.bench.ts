/**
 * Notification delivery: `npx tsx bench/notifications.bench.ts` (or `npm run bench --
 * notifications`). Options: --events 200 --rate 10 --reminders 1000.
 *
 * 1. For each engine (SQLite, then PostgreSQL when a server answers): the real Mitra server in
 *    this process (buildApp over a fresh database, port 0) with e-mail to a real SMTP server
 *    (smtp-server) and Web Push to a local push service that decrypts (src/testing/push-peer.ts).
 *    20 patients each linked to one clinician, who subscribed one browser. `--events` red-flag
 *    check-ins are posted at `--rate` per second, round robin over the patients; for each, the
 *    time from sending the check-in to the clinician's e-mail reaching the SMTP server, and to
 *    the push reaching the push service (a patient's k-th check-in is paired with the k-th
 *    message naming that patient). Prints p50 and p99 (target: p99 under 5 s, p50 under 1 s).
 * 2. PostgreSQL: two Mitra instances on one database; `--reminders` events due at once (one per
 *    recipient, written in one transaction), each recipient counted at the SMTP server: every
 *    one must get exactly one message.
 * Figures only: nothing here fails on time.
 */
import { randomUUID } from "node:crypto";
import type { Engine } from "../src/db/connection.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import type { App } from "../src/server/context.ts";
import { answersFor, linkClinician } from "../src/testing/care-team-records.ts";
import { PushPeer } from "../src/testing/push-peer.ts";
import { SmtpPeer } from "../src/testing/smtp-peer.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../src/testing/test-databases.ts";
import { ApiClient } from "../src/testing/test-server.ts";

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const EVENTS = argValue("--events", 200);
const RATE = argValue("--rate", 10);
const REMINDERS = argValue("--reminders", 1000);
const PATIENTS = 20;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (n: number) => `${Math.round(n)} ms`;

async function startApp(
  database: TestDatabase,
  smtpUrl: string,
): Promise<{ app: App; baseUrl: string }> {
  const config = {
    ...loadConfig({}),
    logLevel: "silent" as const,
    registrationsPerAddress: 100_000,
    smtpUrl,
    mailFrom: "mitra@example.org",
    // The clinicians are not the first accounts: without this they would wait for approval.
    clinicianApproval: "off" as const,
  };
  const app = await buildApp({ config, database, webRoot: "/nonexistent", logger: false });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}

async function latency(engine: Engine) {
  const smtp = new SmtpPeer();
  const push = new PushPeer();
  const smtpUrl = await smtp.start();
  await push.start();
  const database = await createTestDatabase(engine);
  const { app, baseUrl } = await startApp(database, smtpUrl);
  try {
    const clinician = new ApiClient(baseUrl);
    const doctor = await clinician.register("clinician");
    const browser = push.subscribe();
    await clinician.post("/api/push/subscriptions", {
      endpoint: browser.endpoint,
      keys: browser.keys,
    });
    const patients: { client: ApiClient; id: string }[] = [];
    for (let i = 0; i < PATIENTS; i++) {
      const client = new ApiClient(baseUrl);
      const { id } = await client.register("patient");
      await linkClinician(client, clinician);
      patients.push({ client, id });
    }
    await pause(1500); // the "joined" e-mails go to the patients, not counted below
    const sent = new Map<string, number[]>();
    const posts: Promise<unknown>[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const patient = patients[i % PATIENTS];
      if (!patient) continue;
      const at = Date.now();
      sent.set(patient.id, [...(sent.get(patient.id) ?? []), at]);
      posts.push(
        patient.client.post("/api/assessments", {
          id: randomUUID(),
          instrument: "red-flags",
          answers: answersFor("red-flags", (k) => (k === 1 ? 1 : 0)),
          takenAt: new Date(at).toISOString(),
        }),
      );
      await pause(1000 / RATE);
    }
    await Promise.all(posts);
    await smtp.waitFor(doctor.email, EVENTS, 120_000);
    await push.waitFor(browser.id, EVENTS, 120_000);
    const pair = (arrivals: { link: string; at: number }[]) => {
      const out: number[] = [];
      for (const [patientId, times] of sent) {
        const mine = arrivals.filter((a) => a.link.endsWith(`/patients/${patientId}`));
        times.forEach((t, k) => {
          const arrived = mine[k];
          if (arrived) out.push(arrived.at - t);
        });
      }
      return out.sort((a, b) => a - b);
    };
    const mail = pair(
      smtp
        .to(doctor.email)
        .map((m) => ({ link: m.text.match(/\/patients\/[\w-]+/)?.[0] ?? "", at: m.receivedAt })),
    );
    const pushes = pair(
      push
        .to(browser.id)
        .map((m) => ({ link: JSON.parse(m.payload).link as string, at: m.receivedAt })),
    );
    console.log(
      `${engine}: ${EVENTS} red flags at ${RATE}/s -> e-mail p50 ${ms(percentile(mail, 50))}, p99 ${ms(percentile(mail, 99))} (${mail.length} paired); ` +
        `push p50 ${ms(percentile(pushes, 50))}, p99 ${ms(percentile(pushes, 99))} (${pushes.length} paired)`,
    );
  } finally {
    await app.close();
    await database.destroy();
    await smtp.stop();
    await push.stop();
  }
}

async function twoInstances() {
  const smtp = new SmtpPeer();
  const smtpUrl = await smtp.start();
  const database = await createTestDatabase("postgres");
  const first = await startApp(database, smtpUrl);
  const second = await startApp(database, smtpUrl);
  try {
    const now = new Date().toISOString();
    const recipients = Array.from({ length: REMINDERS }, (_, i) => ({
      id: randomUUID(),
      email: `r${i}@bench.invalid`,
      password_hash: "x",
      role: "patient" as const,
      display_name: null,
      time_zone: "UTC",
      jurisdiction: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    }));
    for (let i = 0; i < recipients.length; i += 200) {
      await database.db
        .insertInto("users")
        .values(recipients.slice(i, i + 200))
        .execute();
    }
    const started = Date.now();
    await database.db.transaction().execute(async (trx) => {
      for (const r of recipients) {
        await first.app.mitra.notifier.record(trx, { kind: "test", subjectId: r.id }, new Date());
      }
    });
    const deadline = Date.now() + 180_000;
    while (smtp.received.length < REMINDERS && Date.now() < deadline) await pause(200);
    const elapsed = Date.now() - started;
    await pause(3000); // time for a duplicate to arrive, had there been one
    const counts = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    const once = recipients.filter((r) => counts.get(r.email) === 1).length;
    const twice = recipients.filter((r) => (counts.get(r.email) ?? 0) > 1).length;
    const missing = recipients.filter((r) => !counts.has(r.email)).length;
    console.log(
      `postgres, two instances: ${REMINDERS} due at once -> ${once} delivered once, ${twice} more than once, ${missing} missing; ` +
        `all in ${ms(elapsed)}`,
    );
  } finally {
    await first.app.close();
    await second.app.close();
    await database.destroy();
    await smtp.stop();
  }
}

await latency("sqlite");
if (await isPostgresReachable()) {
  await latency("postgres");
  await twoInstances();
} else {
  console.log("PostgreSQL not reachable: its figures are skipped");
}
process.exit(0);
