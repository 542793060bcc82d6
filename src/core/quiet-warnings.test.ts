import { describe, expect, it } from "vitest";
import {
  mayGoQuiet,
  splitQuiet,
  WARNING_CODE_MAX_LENGTH,
  WARNING_CODE_PATTERN,
} from "./quiet-warnings.ts";
import { SEVERITIES, type Severity } from "./warning.ts";

/** Whether `code` passes both the API's checks of a warning code: its shape and its length. */
const isWarningCode = (code: string) =>
  code.length <= WARNING_CODE_MAX_LENGTH && WARNING_CODE_PATTERN.test(code);

const w = (code: string, severity: Severity) => ({ code, severity });

describe("quiet warnings", () => {
  it("lets only cautions and notes go quiet", () => {
    const quietable = SEVERITIES.filter((severity) => mayGoQuiet({ severity }));
    expect(quietable).toEqual(["info", "caution"]);
  });

  it("quiets an acknowledged caution or note and keeps everything else shown, in order", () => {
    const warnings = [
      w("interaction.opioid-alcohol", "dangerous"),
      w("amount.kratom-leaf-dose-over-tripsit-strong", "caution"),
      w("spacing.magnesium-antibiotic", "caution"),
      w("nodata.pair.a.b", "info"),
    ];
    const { shown, quiet } = splitQuiet(warnings, [
      "amount.kratom-leaf-dose-over-tripsit-strong",
      "nodata.pair.a.b",
    ]);
    expect(shown.map((x) => x.code)).toEqual([
      "interaction.opioid-alcohol",
      "spacing.magnesium-antibiotic",
    ]);
    expect(quiet.map((x) => x.code)).toEqual([
      "amount.kratom-leaf-dose-over-tripsit-strong",
      "nodata.pair.a.b",
    ]);
  });

  it("never quiets urgent, dangerous or unsafe warnings, acknowledged or not", () => {
    const pressing = [
      w("redflag.self-harm", "urgent"),
      w("interaction.opioid-alcohol", "dangerous"),
      w("amount.kratom-leaf-dose-psychonautwiki-heavy", "unsafe"),
    ];
    const { shown, quiet } = splitQuiet(
      pressing,
      pressing.map((x) => x.code),
    );
    expect(shown).toEqual(pressing);
    expect(quiet).toEqual([]);
  });

  it("quiets nothing that was not acknowledged", () => {
    const warnings = [w("limit.magnesium-supplemental-ul", "caution")];
    expect(splitQuiet(warnings, new Set<string>())).toEqual({ shown: warnings, quiet: [] });
    expect(splitQuiet(warnings, ["limit.magnesium-supplemental-ul.other"]).quiet).toEqual([]);
  });

  it("knows the shape of a warning code", () => {
    for (const code of [
      "interaction.opioid-alcohol",
      "coa.seven_oh.cap-1",
      "nodata.substance.5F0C7E2A-1B2C-4D3E-8F9A-0B1C2D3E4F5A",
      "condition.liver.kratom-liver",
    ]) {
      expect(isWarningCode(code), code).toBe(true);
    }
    for (const code of [
      "",
      "interaction",
      "interaction.",
      ".opioid",
      "a..b",
      "interaction.opioid alcohol",
      "interaction.<script>",
      `a.${"b".repeat(199)}`,
    ]) {
      expect(isWarningCode(code), code).toBe(false);
    }
  });
});
