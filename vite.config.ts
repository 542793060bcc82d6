import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import ts from "typescript";
import { defineConfig, type Plugin } from "vite";

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));

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

const apiRoot = fileURLToPath(new URL("./src/api/", import.meta.url));
/** What only the server and the OpenAPI document read of a route. */
const SERVER_PARTS = new Set([
  "params",
  "query",
  "body",
  "headers",
  "responses",
  "summary",
  "description",
]);

/**
 * The browser reads a route's method, path, tag and access from the contract, never its schemas
 * (the server validates, at the edge; the web app takes only their types) nor its OpenAPI text.
 * This drops those parts of each `route({...})` in src/api, so the schemas, which nothing else
 * in the browser uses, leave the bundle with the code that builds them (zod calls count as pure,
 * below): about 12 KB gzip of the first page.
 */
function routesWithoutSchemas(): Plugin {
  return {
    name: "mitra-routes-without-schemas",
    enforce: "pre",
    transform(code, id) {
      if (!id.startsWith(apiRoot) || !id.endsWith(".ts")) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const cuts: [number, number][] = [];
      const visit = (node: ts.Node) => {
        const spec = ts.isCallExpression(node) && node.expression.getText(source) === "route";
        const arg = spec ? node.arguments[0] : undefined;
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const part of arg.properties) {
            if (!ts.isPropertyAssignment(part) || !SERVER_PARTS.has(part.name.getText(source))) {
              continue;
            }
            const end = code[part.getEnd()] === "," ? part.getEnd() + 1 : part.getEnd();
            cuts.push([part.getStart(source), end]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (cuts.length === 0) return null;
      let out = code;
      for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: "src/web",
  plugins: [routesWithoutSchemas(), react(), serviceWorker()],
  // The contract's schemas are types to the browser: see src/web/inert-zod.ts.
  resolve: {
    alias: [
      {
        find: /^zod$/,
        replacement: fileURLToPath(new URL("./src/web/inert-zod.ts", import.meta.url)),
      },
    ],
  },
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { treeshake: { manualPureFunctions: ["z"] } },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
