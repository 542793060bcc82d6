import { describe, expect, it } from "vitest";
import { coaCheckBody, emptyCoaForm } from "./coa-form.ts";

describe("coaCheckBody", () => {
  it("leaves blank fields out, so they are not tested rather than passed", () => {
    expect(coaCheckBody(emptyCoaForm)).toEqual({});
  });

  it("nests metals and microbial results and reads numbers, including a decimal comma", () => {
    const body = coaCheckBody({
      ...emptyCoaForm,
      sevenOhPercent: " 2 ",
      lead: "0,5",
      salmonella: "absent",
      totalAerobicCfuPerG: "1000",
      lot: " A-1 ",
      dailyGrams: "6",
    });
    expect(body).toEqual({
      sevenOhPercent: 2,
      heavyMetalsUgPerG: { lead: 0.5 },
      microbial: { salmonella: "absent", totalAerobicCfuPerG: 1000 },
      lot: "A-1",
      dailyGrams: 6,
    });
  });

  it("sends text that is not a number as it is, for the server to name the field", () => {
    expect(coaCheckBody({ ...emptyCoaForm, mercury: "trace" })).toEqual({
      heavyMetalsUgPerG: { mercury: "trace" },
    });
  });
});
