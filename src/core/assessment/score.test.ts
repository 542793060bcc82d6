import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import type { AssessmentAnswers, ChoiceItem } from "./instrument.ts";
import { bandFor, scoreAssessment } from "./score.ts";

describe("scoreAssessment", () => {
  it("sums a complete assessment and bands it", () => {
    const score = scoreAssessment(gappedScale, { alpha: 4, beta: 3, gamma: 1 });
    expect(score.total).toBe(8);
    expect(score.complete).toBe(true);
    expect(score.band?.id).toBe("mid");
    expect(score.itemScores.map((s) => [s.itemId, s.value, s.label])).toEqual([
      ["alpha", 4, "most"],
      ["beta", 3, "some"],
      ["gamma", 1, "some"],
    ]);
    expect(score.subscores).toEqual([
      { id: "beta-gamma", label: "Beta and gamma", score: 4, complete: true },
    ]);
  });

  it("gives a running total while answers come in, with no band until complete", () => {
    const empty = scoreAssessment(gappedScale, {});
    expect(empty).toMatchObject({ total: 0, complete: false, answeredCount: 0, band: null });
    expect(empty.subscores[0]).toMatchObject({ score: null, complete: false });

    const partial = scoreAssessment(gappedScale, { alpha: 4, beta: 5 });
    expect(partial).toMatchObject({ total: 9, complete: false, answeredCount: 2, itemCount: 3 });
    expect(partial.band).toBeNull();
    expect(partial.subscores[0]).toMatchObject({ score: 5, complete: false });
    expect(partial.itemScores[2]).toMatchObject({ itemId: "gamma", value: null, label: null });
  });

  it("leaves out values an item does not allow and unknown items", () => {
    const score = scoreAssessment(gappedScale, { alpha: 3, beta: 5, gamma: 3, extra: 40 });
    expect(score.total).toBe(8);
    expect(score.complete).toBe(false);
    expect(score.itemScores[0]?.value).toBeNull();
  });

  it("has no total or band for an instrument without a total, but shows each item", () => {
    const score = scoreAssessment(dailyCheck, { mood: 2, hours: 7.5 });
    expect(score.total).toBeNull();
    expect(score.band).toBeNull();
    expect(score.complete).toBe(true);
    expect(score.itemScores.map((s) => s.label)).toEqual(["2 - good", "7.5 hours"]);
  });

  it("keeps any complete total inside the range and equal to the sum of the answers", () => {
    const items = gappedScale.items as ChoiceItem[];
    const answersArb = fc.tuple(
      ...items.map((item) => fc.constantFrom(...item.answers.map((a) => a.value))),
    );
    fc.assert(
      fc.property(answersArb, (values) => {
        const answers: AssessmentAnswers = {};
        items.forEach((item, i) => {
          answers[item.id] = values[i] ?? 0;
        });
        const score = scoreAssessment(gappedScale, answers);
        const sum = values.reduce((a, b) => a + b, 0);
        expect(score.total).toBe(sum);
        expect(score.complete).toBe(true);
        expect(sum).toBeGreaterThanOrEqual(0);
        expect(sum).toBeLessThanOrEqual(12);
        expect(score.band).not.toBeNull();
        expect(score.band?.min).toBeLessThanOrEqual(sum);
        expect(score.band?.max).toBeGreaterThanOrEqual(sum);
      }),
    );
  });
});

describe("bandFor", () => {
  it("is inclusive at both ends of each band", () => {
    expect([0, 3, 4, 8, 9, 12].map((t) => bandFor(gappedScale.bands, t)?.id)).toEqual([
      "low",
      "low",
      "mid",
      "mid",
      "high",
      "high",
    ]);
  });

  it("returns null outside every band", () => {
    expect(bandFor(gappedScale.bands, 13)).toBeNull();
    expect(bandFor(gappedScale.bands, -1)).toBeNull();
    expect(bandFor([], 5)).toBeNull();
  });
});
