import { describe, expect, it } from "vitest";
import {
  defaultPreferences,
  deliveryFor,
  inQuietHours,
  quietHoursEnd,
  reminderInstants,
} from "./preferences.ts";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("check-in reminders at the person's wall-clock time", () => {
  it("stays at 09:00 local across the spring change in New York (UTC-5 to UTC-4)", () => {
    // 2026-03-08 02:00 EST the clocks go to 03:00 EDT.
    const at = reminderInstants(
      ["09:00"],
      "America/New_York",
      new Date("2026-03-06T12:00:00Z"),
      new Date("2026-03-10T12:00:00Z"),
    );
    expect(iso(at)).toEqual([
      "2026-03-06T14:00:00.000Z",
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
    ]);
  });

  it("stays at 08:30 local across the autumn change in Berlin (UTC+2 to UTC+1)", () => {
    // 2026-10-25 03:00 CEST the clocks go back to 02:00 CET.
    const at = reminderInstants(
      ["08:30", "20:00"],
      "Europe/Berlin",
      new Date("2026-10-24T00:00:00Z"),
      new Date("2026-10-26T00:00:00Z"),
    );
    expect(iso(at)).toEqual([
      "2026-10-24T06:30:00.000Z",
      "2026-10-24T18:00:00.000Z",
      "2026-10-25T07:30:00.000Z",
      "2026-10-25T19:00:00.000Z",
    ]);
  });

  it("moves a time the clocks skip to the jump, and gives a repeated time once", () => {
    const spring = reminderInstants(
      ["02:30"],
      "America/New_York",
      new Date("2026-03-08T00:00:00Z"),
      new Date("2026-03-09T00:00:00Z"),
    );
    // 02:30 does not exist on 8 March: 03:30 EDT (07:30Z), the moment after the jump plus 30 min.
    expect(iso(spring)).toEqual(["2026-03-08T07:30:00.000Z"]);
    const autumn = reminderInstants(
      ["01:30"],
      "America/New_York",
      new Date("2026-11-01T00:00:00Z"),
      new Date("2026-11-02T00:00:00Z"),
    );
    // 01:30 happens twice on 1 November: the first, in EDT (05:30Z).
    expect(iso(autumn)).toEqual(["2026-11-01T05:30:00.000Z"]);
  });

  it("gives nothing outside the window and counts its end, not its start", () => {
    const nine = new Date("2026-06-01T09:00:00Z");
    expect(reminderInstants(["09:00"], "UTC", nine, new Date(nine.getTime() + 1000))).toEqual([]);
    expect(iso(reminderInstants(["09:00"], "UTC", new Date(nine.getTime() - 1000), nine))).toEqual([
      nine.toISOString(),
    ]);
  });
});

describe("who is told what, and how", () => {
  const night = new Date("2026-06-01T23:30:00Z");
  const quiet = { ...defaultPreferences, quietHours: { start: "22:00", end: "07:00" } };

  it("holds e-mail and push overnight until the quiet hours end, but not the in-app list", () => {
    expect(inQuietHours(quiet.quietHours, night, "UTC")).toBe(true);
    expect(inQuietHours(quiet.quietHours, new Date("2026-06-01T12:00:00Z"), "UTC")).toBe(false);
    expect(deliveryFor(quiet, { kind: "dose_over_plan", patientId: "p" }, night, "UTC")).toEqual({
      inApp: true,
      email: false,
      push: false,
      heldUntil: new Date("2026-06-02T07:00:00Z"),
    });
    // Before midnight and after it, the same end; with both channels off nothing is held.
    const early = new Date("2026-06-02T03:00:00Z");
    expect(deliveryFor(quiet, { kind: "test", patientId: null }, early, "UTC").heldUntil).toBe(
      null,
    );
    const silent = { ...quiet, channels: { email: false, push: false } };
    expect(deliveryFor(silent, { kind: "missed_check_in", patientId: "p" }, early, "UTC")).toEqual({
      inApp: true,
      email: false,
      push: false,
      heldUntil: null,
    });
  });

  it("ends quiet hours at the wall-clock time on both sides of a daylight-saving change", () => {
    const zone = "America/New_York";
    // The night the clocks go forward (8 March 2026): 07:00 EDT is 11:00Z, not 12:00Z.
    expect(quietHoursEnd(quiet.quietHours, new Date("2026-03-08T04:00:00Z"), zone)).toEqual(
      new Date("2026-03-08T11:00:00Z"),
    );
    // The night they go back (1 November 2026): 07:00 EST is 12:00Z.
    expect(quietHoursEnd(quiet.quietHours, new Date("2026-11-01T04:00:00Z"), zone)).toEqual(
      new Date("2026-11-01T12:00:00Z"),
    );
    // An end the clocks skip (02:30 on 8 March) moves as a reminder does: 03:30 EDT.
    const skipped = { start: "01:00", end: "02:30" };
    expect(quietHoursEnd(skipped, new Date("2026-03-08T06:30:00Z"), zone)).toEqual(
      new Date("2026-03-08T07:30:00Z"),
    );
  });

  it("tells a clinician of a red flag even with everything off or the patient muted", () => {
    const off = {
      ...quiet,
      enabled: false,
      mutedKinds: ["red_flag" as const],
      mutedPatients: ["p"],
    };
    expect(deliveryFor(off, { kind: "red_flag", patientId: "p" }, night, "UTC")).toEqual({
      inApp: true,
      email: true,
      push: true,
      heldUntil: null,
    });
    expect(
      deliveryFor(off, { kind: "dangerous_combination", patientId: "p" }, night, "UTC"),
    ).toEqual({ inApp: false, email: false, push: false, heldUntil: null });
  });

  it("honours a muted kind, a muted patient and a channel turned off", () => {
    const prefs = {
      ...defaultPreferences,
      mutedKinds: ["dose_over_plan" as const],
      mutedPatients: ["q"],
      channels: { email: false, push: true },
    };
    const noon = new Date("2026-06-01T12:00:00Z");
    expect(deliveryFor(prefs, { kind: "dose_over_plan", patientId: "p" }, noon, "UTC").inApp).toBe(
      false,
    );
    expect(
      deliveryFor(prefs, { kind: "dangerous_combination", patientId: "q" }, noon, "UTC").inApp,
    ).toBe(false);
    expect(
      deliveryFor(prefs, { kind: "dangerous_combination", patientId: "p" }, noon, "UTC"),
    ).toEqual({
      inApp: true,
      email: false,
      push: true,
      heldUntil: null,
    });
  });
});
