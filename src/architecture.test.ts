import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { layerViolations } from "./testing/layer-rules.ts";

const SRC = dirname(fileURLToPath(import.meta.url));

describe("layer rules", () => {
  it("holds for every file in src: no import reaches a layer its own may not use", () => {
    expect(layerViolations(SRC)).toEqual([]);
  });

  describe("on a planted tree", () => {
    const root = mkdtempSync(join(tmpdir(), "mitra-layers-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const plant = (path: string, text: string) => {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    plant("server/schemas.ts", "export const x = 1;\n");
    plant("core/rule.ts", "export const y = 2;\n");
    plant("testing/helper.ts", 'import { x } from "../server/schemas.ts";\nexport { x };\n');
    plant(
      "web/page.tsx",
      [
        'import { y } from "../core/rule.ts";',
        'import type { x } from "../server/schemas.ts";',
        "export const page = y;",
        "",
      ].join("\n"),
    );
    plant("web/lazy.ts", 'export const load = () => import("../server/schemas.ts");\n');
    plant("core/outward.ts", 'export { y as z } from "../knowledge/data.ts";\n');
    plant("core/rule.test.ts", 'import "../testing/helper.ts";\n');
    plant("knowledge/data/lines.json", "[]\n");
    plant("knowledge/loader.ts", 'export { default } from "./data/lines.json";\n');
    plant("web/lines.ts", 'import lines from "../knowledge/data/lines.json";\nexport { lines };\n');
    plant("web/loader.ts", 'export { default } from "../knowledge/loader.ts";\n');

    it("reports a web file that imports server code, a type or a lazy import alike", () => {
      expect(layerViolations(root)).toEqual(
        expect.arrayContaining([
          { file: "web/page.tsx", specifier: "../server/schemas.ts", reaches: "server" },
          { file: "web/lazy.ts", specifier: "../server/schemas.ts", reaches: "server" },
        ]),
      );
    });

    it("reports an inner layer re-exporting an outer one, and web reaching knowledge code", () => {
      expect(layerViolations(root)).toEqual(
        expect.arrayContaining([
          { file: "core/outward.ts", specifier: "../knowledge/data.ts", reaches: "knowledge" },
          { file: "web/loader.ts", specifier: "../knowledge/loader.ts", reaches: "knowledge" },
        ]),
      );
    });

    it("reports nothing the rules allow (a test's helper, web bundling a data file)", () => {
      expect(layerViolations(root)).toHaveLength(4);
    });
  });
});
