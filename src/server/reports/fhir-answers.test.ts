import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import { answerOf, INSTRUMENT_SYSTEM } from "./fhir-bundle.ts";

describe("answerOf", () => {
  const [alpha] = gappedScale.items;
  const hours = dailyCheck.items.find((i) => i.kind === "numeric");

  it("codes a choice as instrument/item/value with its label, unique in the code system", () => {
    expect(answerOf(gappedScale, alpha, 4)).toEqual({
      valueCoding: {
        system: INSTRUMENT_SYSTEM,
        code: `${gappedScale.id}/${alpha?.id}/4`,
        display: "most",
      },
    });
    expect(answerOf(gappedScale, alpha, 0)).toEqual({
      valueCoding: {
        system: INSTRUMENT_SYSTEM,
        code: `${gappedScale.id}/${alpha?.id}/0`,
        display: "none",
      },
    });
  });

  it("keeps a number where there is no label: numeric items, unknown answers or instruments", () => {
    expect(answerOf(dailyCheck, hours, 6.5)).toEqual({ valueDecimal: 6.5 });
    expect(answerOf(dailyCheck, hours, 7)).toEqual({ valueInteger: 7 });
    expect(answerOf(gappedScale, alpha, 3)).toEqual({ valueInteger: 3 }); // 3 is not an answer
    expect(answerOf(undefined, undefined, 2)).toEqual({ valueInteger: 2 });
  });
});
