import { ensureWebAppBuilt } from "./built-web-app.ts";

/** Before any test: the browser tests need the built web app, so build it when stale. */
export default function setup(): void {
  ensureWebAppBuilt();
}
