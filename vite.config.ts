import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const contractFile = fileURLToPath(new URL("./src/api/contract.ts", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes /sw.js from src/web/offline/service-worker.js with the list of built files to keep for
 * offline use and a version that changes whenever any of them does (so browsers update it).
 * Hand-written rather than Workbox: three routing rules did not justify Workbox's build chain
 * (Babel, a second Rollup) among the packages the server needs, as it builds the app at start.
 */
function serviceWorker(): Plugin {
  return {
    name: "mitra-service-worker",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((f) => !f.endsWith(".map"));
      const publicFiles = filesUnder(join(webRoot, "public")).map((f) =>
        relative(join(webRoot, "public"), f).split("\\").join("/"),
      );
      const files = [...new Set([...built, ...publicFiles])]
        .filter((f) => f !== "sw.js")
        .map((f) => `/${f}`)
        .sort();
      const template = readFileSync(join(webRoot, "offline/service-worker.js"), "utf8");
      const hash = createHash("sha256").update(template);
      for (const f of built.sort()) {
        const item = bundle[f];
        if (!item) continue;
        hash.update(f);
        hash.update(item.type === "chunk" ? item.code : item.source);
      }
      const version = hash.digest("hex").slice(0, 16);
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: template
          .replace("__MITRA_SW_VERSION__", version)
          .replace("__MITRA_SW_PRECACHE__", JSON.stringify(files)),
      });
    },
  };
}

/**
 * The browser's copy of the API contract (src/api/contract.ts): each route's method, path and tag,
 * read from the contract itself when the app is built. The browser takes its types from the
 * contract's zod schemas but never validates with them (the server does, at the edge), so
 * neither zod nor the schemas, summaries and messages are bundled: they would add about 40 KB
 * (gzip) to the first page.
 */
function contractRoutes(): Plugin {
  return {
    name: "mitra-contract-routes",
    enforce: "pre",
    async load(id) {
      if (id.split("?")[0] !== contractFile) return null;
      const { build } = await import("esbuild");
      const bundled = await build({
        entryPoints: [contractFile],
        bundle: true,
        format: "esm",
        platform: "node",
        write: false,
        metafile: true,
        logLevel: "error",
      });
      for (const input of Object.keys(bundled.metafile.inputs)) {
        if (input.startsWith("src/"))
          this.addWatchFile(fileURLToPath(new URL(`./${input}`, import.meta.url)));
      }
      const code = bundled.outputFiles[0]?.text ?? "";
      const { contract } = (await import(
        `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
      )) as { contract: Record<string, { method: string; path: string; tag: string }> };
      const routes = Object.fromEntries(
        Object.entries(contract).map(([name, { method, path, tag }]) => [
          name,
          { method, path, tag },
        ]),
      );
      return `export const contract = ${JSON.stringify(routes)};\n`;
    },
  };
}

export default defineConfig({
  root: "src/web",
  plugins: [contractRoutes(), react(), serviceWorker()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
