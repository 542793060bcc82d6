import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/**
 * The layers of src/ (docs/ARCHITECTURE.md) and what each may import of ours, as folders under
 * src: an inner layer never imports an outer one, and the browser's code never reaches the
 * server's. A layer may always import itself. The web app bundles the knowledge base's data files
 * it shows offline (help lines), never its code. Test files may also import src/testing and the
 * knowledge base (real data as fixtures). src/testing and src/cli may import anything.
 */
export const LAYER_RULES: Readonly<Record<string, readonly string[]>> = {
  core: [],
  knowledge: ["core"],
  db: ["core", "knowledge"],
  api: ["core"],
  server: ["api", "db", "knowledge", "core"],
  web: ["api", "core", "knowledge/data"],
};

const TEST_ALSO = ["testing", "knowledge"];

export interface LayerViolation {
  /** The importing file, relative to the scanned src folder. */
  file: string;
  /** The import as written. */
  specifier: string;
  /** The layer the import reaches (the first folder under src). */
  reaches: string;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /\.test\.tsx?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const layerOf = (srcRoot: string, path: string) => relative(srcRoot, path).split(sep)[0] ?? "";

/** Whether `target` lies in one of `folders` (paths under `srcRoot`). */
const within = (srcRoot: string, target: string, folders: Iterable<string>) =>
  [...folders].some((folder) => target.startsWith(join(srcRoot, folder) + sep));

/**
 * Every import (static, dynamic, `import type`, re-export) of a file under `srcRoot` that
 * reaches a folder its own layer may not import.
 */
export function layerViolations(srcRoot: string): LayerViolation[] {
  const root = resolve(srcRoot);
  const violations: LayerViolation[] = [];
  for (const path of sourceFiles(root)) {
    const layer = layerOf(root, path);
    const allowed = LAYER_RULES[layer];
    if (allowed === undefined) continue;
    const may = [layer, ...allowed, ...(TEST.test(path) ? TEST_ALSO : [])];
    const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith(".")) continue;
      const target = resolve(dirname(path), specifier);
      if (within(root, target, may)) continue;
      const reaches = target.startsWith(root + sep) ? layerOf(root, target) : "(outside src)";
      violations.push({ file: relative(root, path).split(sep).join("/"), specifier, reaches });
    }
  }
  return violations;
}
