#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/config.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { createAdmin } from "./create-admin.ts";
import { runKbCheck } from "./kb-check.ts";
import { runKbReview } from "./kb-review.ts";
import { seedDemo } from "./seed-demo.ts";
import { openMigratedDatabase, serve } from "./serve.ts";

const usage = `Usage: mitra <command>

Commands:
  serve                 start the server (migrates the database first)
  migrate               bring the database schema up to date
  create-admin EMAIL    make an administrator (password from MITRA_ADMIN_PASSWORD or asked)
  backup FILE           online, consistent copy of the SQLite database (PostgreSQL: pg_dump)
  restore FILE          put a backup in place of the SQLite database (stop Mitra first)
  seed-demo [--force]   a demo clinician and patient with two weeks of records (runs once per
                        database; --force seeds beside other accounts; password from
                        MITRA_DEMO_PASSWORD or printed once)
  kb check              validate the knowledge files and list records past their review date
  kb review ID --source URL --by NAME [--on YYYY-MM-DD] [--file FILE]
                        record that NAME compared record ID with its source URL (one the
                        record cites); refuses an unknown ID or a source the record does not cite

Settings come from the environment: MITRA_DATABASE_URL (default sqlite:data/mitra.sqlite),
MITRA_PORT (default 3000), MITRA_HOST (default 127.0.0.1), MITRA_LOG_LEVEL, MITRA_TRUST_PROXY,
MITRA_SECURE_COOKIES, MITRA_SESSION_TTL_HOURS. See README.md.`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      force: { type: "boolean" },
      source: { type: "string" },
      by: { type: "string" },
      on: { type: "string" },
      file: { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || command === "help") {
    console.log(usage);
    return;
  }
  if (command === "kb" && rest[0] === "check") {
    process.exitCode = runKbCheck({ now: new Date() });
    return;
  }
  if (command === "kb" && rest[0] === "review") {
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    process.exitCode = runKbReview({
      id: rest[1],
      source: text(values.source),
      by: text(values.by),
      on: text(values.on),
      file: text(values.file),
      now: new Date(),
    });
    return;
  }
  const config = loadConfig();
  switch (command) {
    case "serve":
      return serve(config);
    case "migrate": {
      const database = await openMigratedDatabase(config);
      console.log(`Database ${database.location} is up to date.`);
      return database.close();
    }
    case "create-admin":
      return createAdmin(config, rest[0]);
    case "backup": {
      if (!rest[0]) throw new Error("usage: mitra backup FILE");
      const pages = await backupDatabase(config.databaseUrl, rest[0]);
      console.log(`Backed up ${pages} pages to ${rest[0]}.`);
      return;
    }
    case "restore": {
      if (!rest[0]) throw new Error("usage: mitra restore FILE");
      const kept = restoreDatabase(config.databaseUrl, rest[0]);
      console.log(
        `Restored ${rest[0]}.${kept ? ` The previous database is kept as ${kept}.` : ""}`,
      );
      return;
    }
    case "seed-demo":
      return seedDemo(config, { force: values.force === true });
    default:
      throw new Error(`unknown command "${command}"\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `mitra: ${(error as Error).message}`,
  );
  process.exit(1);
});
