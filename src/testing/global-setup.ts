import { ensureWebBuild } from "../cli/web-build.ts";

/** Before any test: the browser tests need the built web app, so build it when stale. */
export default async function setup(): Promise<void> {
  await ensureWebBuild(() => {});
}
