import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import SQLite from "better-sqlite3";
import { parseDatabaseUrl } from "../db/connection.ts";

function sqlitePath(databaseUrl: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine !== "sqlite") {
    throw new Error(
      "backup and restore handle the SQLite database; for PostgreSQL use pg_dump and pg_restore (see README)",
    );
  }
  return target.target;
}

/**
 * An online, consistent copy of a running SQLite database (SQLite's backup API: readers and
 * writers carry on while it copies). Returns the number of pages copied.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<number> {
  const source = sqlitePath(databaseUrl);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const destination = resolve(file);
  if (existsSync(destination)) throw new Error(`${destination} exists; choose a new file name`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const result = await db.backup(destination);
    return result.totalPages;
  } finally {
    db.close();
  }
}

/** Checks a backup: SQLite's integrity check passes and Mitra's migrations table is there. */
export function verifyBackup(file: string): void {
  const db = new SQLite(resolve(file), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} is damaged: ${String(integrity)}`);
    const migrations = db
      .prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'")
      .get() as { n: number };
    if (migrations.n !== 1) throw new Error(`${file} is not a Mitra database`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database. Stop Mitra first. The database it replaces is kept
 * beside it as `<name>.before-restore-<time>` so a wrong restore can be undone.
 */
export function restoreDatabase(
  databaseUrl: string,
  file: string,
  now = new Date(),
): string | null {
  const target = sqlitePath(databaseUrl);
  verifyBackup(file);
  let kept: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the file so the copy kept aside is whole.
    const current = new SQLite(target);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
  copyFileSync(resolve(file), target);
  return kept;
}
