import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { App } from "../context.ts";

/** Serves the built single-page app from `root`; unknown non-API GETs get index.html. */
export async function serveWebApp(app: App, root: string): Promise<boolean> {
  if (!existsSync(join(root, "index.html"))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    // The build writes .br and .gz beside each text file; a browser that accepts one gets it.
    preCompressed: true,
    // Our own Cache-Control below; left on, @fastify/send overwrote it with "max-age=0", so
    // hashed assets were never kept and /sw.js was not marked no-cache.
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header(
        "cache-control",
        path.includes(`${join(root, "assets")}`)
          ? "public, max-age=31536000, immutable"
          : "no-cache",
      );
    },
  });
  return true;
}
