import { describe, expect, it } from "vitest";
import { flagScreen } from "../../testing/test-instruments.ts";
import type { ReportedSignRule } from "../safety/types.ts";
import {
  type AnsweredCheckIn,
  checkInAlerts,
  isOpenCheckIn,
  openRedFlags,
  reportedSigns,
  signInstruments,
} from "./check-in-signals.ts";

const source = { title: "Test fixture, not a real source", url: "https://example.org/fixture" };

function rule(id: string, severity: ReportedSignRule["severity"]): ReportedSignRule {
  return {
    id,
    instrument: "flags",
    answerKey: "plain",
    atLeast: 1,
    matcher: { classes: ["kratom"] },
    severity,
    title: id,
    message: id,
    action: id,
    sources: [source],
  };
}

const knowledge = {
  instruments: [flagScreen],
  signRules: [rule("plain-caution", "caution"), rule("plain-unsafe", "unsafe")],
};
const SINCE = "2026-06-08T12:00:00.000Z";

function checkIn(id: string, takenAt: string, answers: Record<string, number>, redFlag = false) {
  return { id, takenAt, instrument: "flags", redFlag, answers } satisfies AnsweredCheckIn;
}

describe("isOpenCheckIn", () => {
  it("is open from `since` on and only after the last clinician note", () => {
    expect(isOpenCheckIn({ takenAt: SINCE }, SINCE, null)).toBe(true);
    expect(isOpenCheckIn({ takenAt: "2026-06-08T11:59:59.999Z" }, SINCE, null)).toBe(false);
    expect(
      isOpenCheckIn({ takenAt: "2026-06-10T00:00:00.000Z" }, SINCE, "2026-06-10T00:00:00.000Z"),
    ).toBe(false);
    expect(
      isOpenCheckIn({ takenAt: "2026-06-10T00:00:01.000Z" }, SINCE, "2026-06-10T00:00:00.000Z"),
    ).toBe(true);
  });
});

describe("checkInAlerts", () => {
  const checkIns = [
    checkIn("a", "2026-06-09T00:00:00.000Z", { first: 1, plain: 0, second: 0 }, true),
    checkIn("b", "2026-06-11T00:00:00.000Z", { first: 0, plain: 1, second: 0 }),
    checkIn("c", "2026-06-12T00:00:00.000Z", { first: 0, plain: 0, second: 0 }),
    checkIn("d", "2026-06-13T00:00:00.000Z", { first: 0, plain: 0, second: 0 }, true),
    checkIn("old", "2026-06-01T00:00:00.000Z", { first: 1, plain: 1, second: 1 }, true),
  ];

  it("lists open check-ins that raised something, newest first, named by item", () => {
    const alerts = checkInAlerts(checkIns, SINCE, null, knowledge);
    expect(alerts.map((a) => a.assessmentId)).toEqual(["d", "b", "a"]);
    expect(alerts[2]?.items).toEqual([
      { itemId: "first", label: "first", kind: "red-flag", severity: "urgent" },
    ]);
    expect(alerts[1]?.items).toEqual([
      { itemId: "plain", label: "Plain", kind: "reported-sign", severity: "unsafe" },
    ]);
  });

  it("names a stored red flag whose answers no longer match one 'Red flag'", () => {
    const [d] = checkInAlerts(checkIns, SINCE, null, knowledge);
    expect(d?.items).toEqual([
      { itemId: "", label: "Red flag", kind: "red-flag", severity: "urgent" },
    ]);
  });

  it("leaves out check-ins a clinician note followed", () => {
    const alerts = checkInAlerts(checkIns, SINCE, "2026-06-11T00:00:00.000Z", knowledge);
    expect(alerts.map((a) => a.assessmentId)).toEqual(["d"]);
  });

  it("counts as open red flags only the alerts with a red-flag item", () => {
    const alerts = checkInAlerts(checkIns, SINCE, null, knowledge);
    expect(openRedFlags(alerts).map((a) => a.assessmentId)).toEqual(["d", "a"]);
  });
});

describe("reportedSigns", () => {
  it("takes the worst severity when several rules name the item", () => {
    const signs = reportedSigns([checkIn("a", SINCE, { plain: 1 })], SINCE, null, knowledge);
    expect(signs.map((s) => s.severity)).toEqual(["unsafe"]);
  });

  it("groups open answers by item, with how many and the newest", () => {
    const oneRule = { ...knowledge, signRules: [rule("plain-unsafe", "unsafe")] };
    const signs = reportedSigns(
      [
        checkIn("a", "2026-06-09T00:00:00.000Z", { plain: 1 }),
        checkIn("b", "2026-06-11T00:00:00.000Z", { plain: 1 }),
        checkIn("old", "2026-06-01T00:00:00.000Z", { plain: 1 }),
      ],
      SINCE,
      null,
      oneRule,
    );
    expect(signs).toEqual([
      {
        instrument: "flags",
        instrumentName: "Flags",
        item: "plain",
        label: "Plain",
        severity: "unsafe",
        count: 2,
        lastAt: "2026-06-11T00:00:00.000Z",
      },
    ]);
  });

  it("is empty when no rule warns about the answers", () => {
    expect(reportedSigns([checkIn("a", SINCE, { plain: 0 })], SINCE, null, knowledge)).toEqual([]);
  });
});

describe("signInstruments", () => {
  it("names each instrument the rules ask about once, sorted", () => {
    expect(
      signInstruments([...knowledge.signRules, { ...rule("x", "caution"), instrument: "a" }]),
    ).toEqual(["a", "flags"]);
  });
});
