import { describe, expect, it } from "vitest";
import type { Jurisdiction } from "../../core/legal/jurisdiction.ts";
import { jurisdictionDetail, resolutionView } from "./jurisdiction-view.ts";

const base: Jurisdiction = {
  code: "US-GA",
  name: "Georgia",
  kind: "state",
  parent: "US",
  kratom: "regulated",
  seven_oh: "restricted",
  summary: "A statute of 2019.",
  sources: [{ title: "Statute", url: "https://example.org/statute" }],
  as_of: "2019-05-02",
  verified: true,
};
const reviewed: Jurisdiction = {
  ...base,
  reviewed: { on: "2026-06-01", by: "A. Reviewer", source: "https://example.org/statute" },
};

describe("the legal card's staleness", () => {
  it("counts from the review date, not from how old the law is", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(jurisdictionDetail(reviewed, now)).toMatchObject({
      checked_on: "2026-06-01",
      stale: false,
    });
    // Twelve months after the review it is past its review date.
    expect(jurisdictionDetail(reviewed, new Date("2027-06-01T00:00:00Z")).stale).toBe(true);
  });

  it("falls back to the source's date for a record nobody has checked", () => {
    const view = jurisdictionDetail(base, new Date("2026-12-02T00:00:00Z"));
    expect(view.stale).toBe(true);
    expect("checked_on" in view).toBe(false);
  });

  it("reports the oldest check along the chain and names the levels never checked", () => {
    const us: Jurisdiction = { ...base, code: "US", name: "United States", kind: "country" };
    delete (us as { parent?: string }).parent;
    const now = new Date("2026-12-02T00:00:00Z");
    const both = resolutionView(
      {
        record: reviewed,
        parents: [{ ...us, reviewed: { ...reviewed.reviewed!, on: "2026-11-01" } }],
        effective: {
          kratom: "regulated",
          decidedBy: "US-GA",
          sevenOh: "restricted",
          sevenOhDecidedBy: "US-GA",
          unclearAt: [],
        },
      },
      now,
    );
    expect(both).toMatchObject({ checkedOn: "2026-06-01", uncheckedAt: [], stale: false });
    const one = resolutionView(
      {
        record: reviewed,
        parents: [us],
        effective: {
          kratom: "regulated",
          decidedBy: "US-GA",
          sevenOh: "restricted",
          sevenOhDecidedBy: "US-GA",
          unclearAt: [],
        },
      },
      now,
    );
    expect(one.uncheckedAt).toEqual(["US"]);
    expect(one.checkedOn).toBeUndefined();
    expect(one.stale).toBe(true);
  });
});
