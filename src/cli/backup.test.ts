import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { backupDatabase, restoreDatabase, verifyBackup } from "./backup.ts";

const dirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), "mitra-backup-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const count = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  const n = (db.prepare("select count(*) as n from audit_log").get() as { n: number }).n;
  db.close();
  return n;
};

function addRows(db: SQLite.Database, from: number, n: number) {
  const insert = db.prepare(
    "insert into audit_log (id, at, action, entity) values (?, '2026-01-01T00:00:00Z', 'test', 'row')",
  );
  db.transaction(() => {
    for (let i = from; i < from + n; i++) insert.run(`row-${i}`);
  })();
}

describe("backup and restore of the SQLite database", () => {
  it("copies a database in use, and brings that state back", async () => {
    const dir = tempDir();
    const file = join(dir, "mitra.sqlite");
    const url = `sqlite:${file}`;
    const handle = await openDatabase({ engine: "sqlite", target: file });
    await migrateToLatest(handle.db);
    await handle.close();

    // The server's connection stays open and writes before and after the backup.
    const live = new SQLite(file);
    live.pragma("journal_mode = WAL");
    addRows(live, 0, 500);
    const backupFile = join(dir, "backup.sqlite");
    const pages = await backupDatabase(url, backupFile);
    expect(pages).toBeGreaterThan(0);
    addRows(live, 500, 250);
    expect(count(file)).toBe(750);
    live.close();

    verifyBackup(backupFile);
    expect(count(backupFile)).toBe(500);

    const kept = restoreDatabase(url, backupFile);
    expect(count(file)).toBe(500);
    expect(kept).not.toBeNull();
    expect(count(kept as string)).toBe(750);
  });

  it("refuses to overwrite a file, to restore a damaged file, or to run on PostgreSQL", async () => {
    const dir = tempDir();
    const file = join(dir, "mitra.sqlite");
    const handle = await openDatabase({ engine: "sqlite", target: file });
    await migrateToLatest(handle.db);
    await handle.close();
    await expect(backupDatabase(`sqlite:${file}`, file)).rejects.toThrow(/exists/);
    const notMitra = join(dir, "other.sqlite");
    new SQLite(notMitra).exec("create table t (x)");
    expect(() => restoreDatabase(`sqlite:${file}`, notMitra)).toThrow(/not a Mitra database/);
    await expect(backupDatabase("postgres://127.0.0.1/test", join(dir, "x"))).rejects.toThrow(
      /pg_dump/,
    );
  });
});
