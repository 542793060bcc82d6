import { describe, expect, it } from "vitest";
import { titleForPath } from "./page-title.ts";

describe("titleForPath", () => {
  it("names each section, and pages below it", () => {
    expect(titleForPath("/today")).toBe("Today · Mitra");
    expect(titleForPath("/log")).toBe("Log a dose · Mitra");
    expect(titleForPath("/history/2026-01-02")).toBe("Dose history · Mitra");
    expect(titleForPath("/learn/claims/abc")).toBe("Evidence claim · Mitra");
    expect(titleForPath("/products/coa")).toBe("Check a lab certificate · Mitra");
    expect(titleForPath("/patients/123")).toBe("Patient · Mitra");
    expect(titleForPath("/patients")).toBe("Patients · Mitra");
    expect(titleForPath("/")).toBe("Mitra");
  });

  it("says so for a path that is no page", () => {
    expect(titleForPath("/nowhere")).toBe("Page not found · Mitra");
  });
});
