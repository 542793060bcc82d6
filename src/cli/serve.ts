import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase, parseDatabaseUrl } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { loadKnowledgeBase } from "../knowledge/load-knowledge-base.ts";
import { buildApp, defaultWebRoot } from "../server/app.ts";
import type { Config } from "../server/config.ts";
import { startHousekeeping } from "../server/housekeeping.ts";

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase(parseDatabaseUrl(config.databaseUrl));
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  return database;
}

export async function serve(config: Config): Promise<void> {
  // Validate and cache every knowledge file first: with an invalid file Mitra does not start.
  const knowledge = loadKnowledgeBase(new Date());
  if (knowledge.stale.length > 0) {
    console.log(
      `Knowledge: ${knowledge.stale.length} records are past their review date (mitra kb check lists them).`,
    );
  }
  // Built by `npm run build` (npm start builds first when needed); the server never builds.
  if (!existsSync(join(defaultWebRoot, "index.html"))) {
    console.log(`No web app at ${defaultWebRoot} (npm run build makes it): serving the API only.`);
  }
  const database = await openMigratedDatabase(config);
  const app = await buildApp({ config, database });

  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || config.port === 0) throw error;
    if (config.portSet) {
      await database.close();
      throw new Error(
        `port ${config.port} (MITRA_PORT) is in use by another program on ${config.host}. ` +
          "Stop that program, or set MITRA_PORT to a free port (0: any free port).",
      );
    }
    console.log(`Port ${config.port} is in use; choosing a free port instead.`);
    address = await app.listen({ host: config.host, port: 0 });
  }
  const port = new URL(address).port;
  const shownHost = ["0.0.0.0", "::"].includes(config.host) ? "localhost" : config.host;
  console.log(`Mitra ${app.mitra.version} on ${database.engine}: ${database.location}`);
  console.log(`Mitra is running at http://${shownHost}:${port}`);
  const stopHousekeeping = startHousekeeping(app);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      console.error("Shutdown took longer than 10 s; stopping now.");
      process.exit(1);
    }, 10_000);
    force.unref();
    stopHousekeeping();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
