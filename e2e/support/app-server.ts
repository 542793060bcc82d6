import { webOutDir } from "../../src/cli/web-build.ts";
import type { Engine } from "../../src/db/connection.ts";
import { startTestServer, type TestServer } from "../../src/testing/test-server.ts";

/** A real Mitra server serving the built web app, for the browser to talk to. */
export function startAppServer(engine: Engine = "sqlite"): Promise<TestServer> {
  return startTestServer(engine, { webRoot: webOutDir });
}
