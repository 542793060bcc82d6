import type { Database as SQLiteDatabase, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** How many distinct SQL texts keep their prepared statement. */
const CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; preparing cost about an eighth of the CPU of
 * logging a dose (bench/RESULTS.md). This keeps the most recently used prepared statements by SQL
 * text. Safe because Kysely runs one query at a time on its single SQLite connection, and SQLite
 * re-prepares a statement itself when the schema changed.
 */
export function withStatementCache(sqlite: SQLiteDatabase, size = CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= size) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
