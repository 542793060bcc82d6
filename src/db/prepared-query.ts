import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./schema.ts";

/**
 * A hot query built with Kysely's typed builder once per SQL dialect, not on every call: building
 * and compiling a query costs 10-25 us of CPU, as much as SQLite takes to run it (bench/RESULTS.md).
 *
 * `build` receives `p`, whose every property is a placeholder standing for the value of that
 * name; it must use them only as values (`where("id", "=", p.id)`, `.values({ id: p.id })`,
 * `.limit(p.limit)`), never to choose the query's shape (a list for `in`, a column, whether a
 * clause is there): the shape is fixed the first time. Each call binds `values` to the
 * placeholders and runs the compiled SQL on `db` (a transaction too). Kysely plugins on `db`
 * (Mitra uses none) would transform the query only when it is first prepared.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: P) => Compilable<R>,
): (db: Kysely<Database>, values: P) => Promise<QueryResult<R>> {
  const byDialect = new WeakMap<object, Prepared<R>>();
  return async (db, values) => {
    // The dialect adapter is one object per database, shared by its transactions.
    const dialect = db.getExecutor().adapter;
    let prepared = byDialect.get(dialect);
    if (!prepared) {
      prepared = prepare(db, build);
      byDialect.set(dialect, prepared);
    }
    const parameters = prepared.slots.map((slot) =>
      typeof slot === "string" ? values[slot] : slot.fixed,
    );
    return db.executeQuery<R>({ ...prepared.compiled, parameters });
  };
}

interface Prepared<R> {
  compiled: CompiledQuery<R>;
  /** Per SQL parameter: the name of the value bound to it, or a value fixed in the query. */
  slots: (string | { fixed: unknown })[];
}

class Placeholder {
  constructor(readonly name: string) {}
}

function prepare<P extends Record<string, unknown>, R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, p: P) => Compilable<R>,
): Prepared<R> {
  const used = new Set<string>();
  const p = new Proxy({} as P, {
    get: (_target, name) => {
      if (typeof name !== "string") return undefined;
      used.add(name);
      return new Placeholder(name);
    },
  });
  const compiled = build(db, p).compile();
  const slots = compiled.parameters.map((v) => (v instanceof Placeholder ? v.name : { fixed: v }));
  const bound = new Set(slots.filter((s) => typeof s === "string"));
  const lost = [...used].filter((name) => !bound.has(name));
  if (lost.length > 0 || compiled.sql.includes("[object Object]")) {
    throw new Error(
      `prepared query: ${lost.join(", ")} not bound as parameters in ${compiled.sql}`,
    );
  }
  return { compiled, slots };
}
