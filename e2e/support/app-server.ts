import type { Engine } from "../../src/db/connection.ts";
import { builtWebApp } from "../../src/testing/built-web-app.ts";
import { startTestServer, type TestServer } from "../../src/testing/test-server.ts";

/** A real Mitra server serving the built web app, for the browser to talk to. */
export function startAppServer(engine: Engine = "sqlite"): Promise<TestServer> {
  return startTestServer(engine, { webRoot: builtWebApp });
}

/**
 * The server's test clock stands still; this sets it to the real now, so what the browser or a
 * test records at the real time is not "in the future" to the server.
 */
export function setClockToNow(server: TestServer): void {
  server.clock.advance(Date.now() - server.clock.now().getTime());
}
