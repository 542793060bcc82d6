import type { Engine } from "../../db/connection.ts";

/**
 * How to back up the database Mitra runs on: SQLite with Mitra's own online copy, PostgreSQL
 * with its own tools (see README's "PostgreSQL: backups"). The URL is named by its variable,
 * never written out, so no password reaches the page.
 */
export function backupAdvice(engine: Engine): { command: string; advice: string } {
  if (engine === "sqlite") {
    return {
      command: "npm run mitra -- backup FILE",
      advice:
        "Makes a consistent copy of the SQLite database while Mitra runs. Keep copies on " +
        "another disk; put one back with `npm run mitra -- restore FILE` after stopping Mitra.",
    };
  }
  return {
    command: 'pg_dump --format=custom --file=mitra.dump "$MITRA_DATABASE_URL"',
    advice:
      "Back up PostgreSQL with its own tools; restore with " +
      '`pg_restore --clean --dbname="$MITRA_DATABASE_URL" mitra.dump`.',
  };
}
