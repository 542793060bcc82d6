import { describe, expect, it } from "vitest";
import type {
  AssessmentAnswers,
  ChoiceItem,
  InstrumentDefinition,
} from "../core/assessment/instrument.ts";
import { redFlagWarnings } from "../core/assessment/red-flags.ts";
import { scoreAssessment } from "../core/assessment/score.ts";
import { validateAnswers } from "../core/assessment/validate-answers.ts";
import data from "./data/instruments.json" with { type: "json" };
import { instrumentsFileSchema } from "./instruments.schema.ts";
import { findInstrument, loadInstruments } from "./instruments.ts";
import { knowledgeFiles } from "./registry.ts";

function instrument(id: string): InstrumentDefinition {
  const found = findInstrument(id);
  if (found === undefined) throw new Error(`instrument ${id} missing`);
  return found;
}

function choiceItems(i: InstrumentDefinition): ChoiceItem[] {
  return i.items.filter((item): item is ChoiceItem => item.kind === "choice");
}

/** Every item answered with the same position (first or last) of its answer list. */
function answerAll(i: InstrumentDefinition, pick: "lowest" | "highest"): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  for (const item of choiceItems(i)) {
    const option = pick === "lowest" ? item.answers[0] : item.answers.at(-1);
    answers[item.id] = option?.value ?? Number.NaN;
  }
  return answers;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

describe("instruments.json", () => {
  it("is registered with its schema and passes it", () => {
    const entry = knowledgeFiles.find((f) => f.file === "instruments.json");
    expect(entry?.schema).toBe(instrumentsFileSchema);
    expect(entry?.schema.safeParse(data).success).toBe(true);
  });

  it("loads the six instruments once, frozen", () => {
    const first = loadInstruments();
    expect(first.map((i) => i.id)).toEqual([
      "cows",
      "sows",
      "sows-gossop",
      "quick-check",
      "red-flags",
      "side-effects",
    ]);
    expect(loadInstruments()).toBe(first);
    expect(Object.isFrozen(first[0]?.items[0])).toBe(true);
    expect(findInstrument("no-such-instrument")).toBeUndefined();
  });

  it("says who records each instrument", () => {
    expect(loadInstruments().map((i) => [i.id, i.recordedBy])).toEqual([
      ["cows", "clinician"],
      ["sows", "patient"],
      ["sows-gossop", "patient"],
      ["quick-check", "patient"],
      ["red-flags", "patient"],
      ["side-effects", "patient"],
    ]);
  });

  it("uses a local code system and no invented LOINC codes", () => {
    expect(data.codeSystem.uri).toMatch(/^urn:mitra:/);
    for (const i of loadInstruments()) expect(i.codes).toEqual([]);
  });
});

describe("instruments schema refuses broken data", () => {
  function withCows(edit: (cows: Record<string, unknown> & InstrumentDefinition) => void) {
    const file = clone(data) as unknown as { instruments: InstrumentDefinition[] };
    const cows = file.instruments[0] as Record<string, unknown> & InstrumentDefinition;
    edit(cows);
    return instrumentsFileSchema.safeParse(file);
  }

  it("a gap between bands", () => {
    const result = withCows((c) => {
      if (c.bands[1]) c.bands[1].min = 6;
    });
    expect(result.success).toBe(false);
  });

  it("bands that stop short of the range", () => {
    expect(withCows((c) => c.bands.pop()).success).toBe(false);
  });

  it("a total range that does not match the items", () => {
    expect(withCows((c) => Object.assign(c, { totalRange: { min: 0, max: 50 } })).success).toBe(
      false,
    );
  });

  it("answers out of order or duplicated", () => {
    const result = withCows((c) => {
      const pulse = c.items[0] as ChoiceItem;
      pulse.answers.reverse();
    });
    expect(result.success).toBe(false);
  });

  it("duplicate item ids", () => {
    const result = withCows((c) => {
      const second = c.items[1];
      if (second) second.id = "pulse";
    });
    expect(result.success).toBe(false);
  });

  it("a convention band without a note", () => {
    const result = withCows((c) => {
      if (c.bands[0]) delete c.bands[0].note;
    });
    expect(result.success).toBe(false);
  });

  it("a subscore naming an unknown item, and a red flag on a value the item lacks", () => {
    const file = clone(data) as unknown as { instruments: InstrumentDefinition[] };
    const sows = file.instruments[1];
    if (sows?.subscores[0]) sows.subscores[0].items = ["no-such-item"];
    expect(instrumentsFileSchema.safeParse(file).success).toBe(false);

    const file2 = clone(data) as unknown as { instruments: InstrumentDefinition[] };
    const seizure = file2.instruments[4]?.items[0] as ChoiceItem;
    if (seizure.redFlag) seizure.redFlag.whenValue = 2;
    expect(instrumentsFileSchema.safeParse(file2).success).toBe(false);
  });

  it("a red flag that is not urgent or has no source", () => {
    const file = clone(data) as unknown as { instruments: InstrumentDefinition[] };
    const seizure = file.instruments[4]?.items[0] as ChoiceItem;
    if (seizure.redFlag) Object.assign(seizure.redFlag.warning, { severity: "caution" });
    expect(instrumentsFileSchema.safeParse(file).success).toBe(false);

    const file2 = clone(data) as unknown as { instruments: InstrumentDefinition[] };
    const fainting = file2.instruments[4]?.items[1] as ChoiceItem;
    if (fainting.redFlag) fainting.redFlag.warning.sources = [];
    expect(instrumentsFileSchema.safeParse(file2).success).toBe(false);
  });
});

/**
 * COWS as printed on the form (Wesson & Ling 2003; NIDA and SAMHSA TIP reproductions), typed here
 * a second time so a slip in the data file shows up as a difference.
 */
const COWS_FORM: [string, number[]][] = [
  ["pulse", [0, 1, 2, 4]],
  ["sweating", [0, 1, 2, 3, 4]],
  ["restlessness", [0, 1, 3, 5]],
  ["pupil-size", [0, 1, 2, 5]],
  ["bone-joint-aches", [0, 1, 2, 4]],
  ["runny-nose-tearing", [0, 1, 2, 4]],
  ["gi-upset", [0, 1, 2, 3, 5]],
  ["tremor", [0, 1, 2, 4]],
  ["yawning", [0, 1, 2, 4]],
  ["anxiety-irritability", [0, 1, 2, 4]],
  ["gooseflesh", [0, 3, 5]],
];

describe("COWS against the published form", () => {
  const cows = instrument("cows");

  it("has the eleven items in the published order with exactly their score sets", () => {
    expect(choiceItems(cows).map((i) => [i.id, i.answers.map((a) => a.value)])).toEqual(COWS_FORM);
  });

  describe.each(COWS_FORM)("item %s", (itemId, allowed) => {
    const base = answerAll(cows, "lowest");

    it.each(allowed)("accepts %i and adds exactly that to the total", (value) => {
      const answers = { ...base, [itemId]: value };
      expect(validateAnswers(cows, answers)).toEqual({ ok: true });
      expect(scoreAssessment(cows, answers).total).toBe(value);
    });

    const refused = [-1, 0.5, 6, ...[0, 1, 2, 3, 4, 5].filter((v) => !allowed.includes(v))];
    it.each(refused)("refuses %d, naming the item", (value) => {
      const result = validateAnswers(cows, { ...base, [itemId]: value });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.item)).toEqual([itemId]);
    });
  });

  it("labels the anchors as the form does (spot checks)", () => {
    const pulse = choiceItems(cows)[0];
    expect(pulse?.answers.map((a) => a.label)).toEqual([
      "Pulse rate 80 or below",
      "Pulse rate 81-100",
      "Pulse rate 101-120",
      "Pulse rate greater than 120",
    ]);
    const gooseflesh = choiceItems(cows)[10];
    expect(gooseflesh?.answers.at(-1)?.label).toBe("Prominent piloerection");
  });

  it("totals 0 at minimum and 48 at maximum", () => {
    const low = scoreAssessment(cows, answerAll(cows, "lowest"));
    const high = scoreAssessment(cows, answerAll(cows, "highest"));
    expect([low.total, low.band?.id]).toEqual([0, "none"]);
    expect([high.total, high.band?.id]).toEqual([48, "severe"]);
    expect(cows.totalRange).toEqual({ min: 0, max: 48 });
  });

  /** A complete COWS answer set that totals exactly `total`, built greedily from the form. */
  function answersTotalling(total: number): AssessmentAnswers {
    const answers: AssessmentAnswers = {};
    let left = total;
    for (const [itemId, allowed] of COWS_FORM) {
      const value = [...allowed].reverse().find((v) => v <= left) ?? 0;
      answers[itemId] = value;
      left -= value;
    }
    if (left !== 0) throw new Error(`cannot build a total of ${total}`);
    return answers;
  }

  it.each([
    [4, "none"],
    [5, "mild"],
    [12, "mild"],
    [13, "moderate"],
    [24, "moderate"],
    [25, "moderately-severe"],
    [36, "moderately-severe"],
    [37, "severe"],
  ])("a total of %i is in band %s", (total, bandId) => {
    const score = scoreAssessment(cows, answersTotalling(total));
    expect(score.total).toBe(total);
    expect(score.complete).toBe(true);
    expect(score.band?.id).toBe(bandId);
  });

  it("marks only the below-5 band as a convention, with a note and a source", () => {
    const conventions = cows.bands.filter((b) => b.convention);
    expect(conventions.map((b) => b.id)).toEqual(["none"]);
    expect(conventions[0]?.note).toBeTruthy();
    expect(conventions[0]?.sources?.length).toBeGreaterThan(0);
  });

  it("cites Wesson & Ling 2003 by DOI", () => {
    expect(cows.sources.map((s) => s.doi)).toContain("10.1080/02791072.2003.10400007");
  });
});

const SOWS_ITEMS = [
  "I feel anxious.",
  "I feel like yawning.",
  "I am perspiring.",
  "My eyes are tearing.",
  "My nose is running.",
  "I have goose flesh.",
  "I am shaking.",
  "I have hot flashes.",
  "I have cold flashes.",
  "My bones and muscles ache.",
  "I feel restless.",
  "I feel nauseous.",
  "I feel like vomiting.",
  "My muscles twitch.",
  "I have cramps in my stomach.",
  "I feel like using now.",
];

describe("SOWS against the published form", () => {
  const sows = instrument("sows");

  it("has the sixteen items in order, each 0 (not at all) to 4 (extremely)", () => {
    expect(sows.items.map((i) => i.text)).toEqual(SOWS_ITEMS);
    for (const item of choiceItems(sows)) {
      expect(item.answers).toEqual([
        { value: 0, label: "Not at all" },
        { value: 1, label: "A little" },
        { value: 2, label: "Moderately" },
        { value: 3, label: "Quite a bit" },
        { value: 4, label: "Extremely" },
      ]);
    }
  });

  it.each(sows.items.map((item, index) => [index + 1, item.id] as const))(
    "item %i (%s) scores 0-4 and refuses 5",
    (_n, itemId) => {
      const base = answerAll(sows, "lowest");
      for (const value of [0, 1, 2, 3, 4]) {
        expect(scoreAssessment(sows, { ...base, [itemId]: value }).total).toBe(value);
      }
      const result = validateAnswers(sows, { ...base, [itemId]: 5 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.item).toBe(itemId);
    },
  );

  it("totals 0-64 and shows no severity band, because the original has none", () => {
    expect(scoreAssessment(sows, answerAll(sows, "lowest")).total).toBe(0);
    const high = scoreAssessment(sows, answerAll(sows, "highest"));
    expect(high.total).toBe(64);
    expect(high.band).toBeNull();
    expect(sows.bands).toEqual([]);
    expect(sows.bandsNote).toMatch(/no severity bands/);
  });

  it("reports item 16 (craving) on its own as well as in the total", () => {
    const answers = { ...answerAll(sows, "lowest"), anxious: 2, "feel-like-using": 3 };
    const score = scoreAssessment(sows, answers);
    expect(score.total).toBe(5);
    expect(score.subscores).toEqual([
      { id: "craving", label: "Craving (item 16)", score: 3, complete: true },
    ]);
    expect(sows.items[15]?.id).toBe("feel-like-using");
  });
});

describe("SOWS-Gossop against the published item list", () => {
  const gossop = instrument("sows-gossop");

  it("has the ten items in order, each 0 none to 3 severe, over the past 24 hours", () => {
    expect(gossop.items.map((i) => i.text)).toEqual([
      "Feeling sick",
      "Stomach cramps",
      "Muscle spasms or twitching",
      "Feeling of coldness",
      "Heart pounding",
      "Muscular tension",
      "Aches and pains",
      "Yawning",
      "Runny eyes",
      "Insomnia or problems sleeping",
    ]);
    for (const item of choiceItems(gossop)) {
      expect(item.answers.map((a) => [a.value, a.label])).toEqual([
        [0, "None"],
        [1, "Mild"],
        [2, "Moderate"],
        [3, "Severe"],
      ]);
    }
    expect(gossop.recallPeriod).toMatch(/24 hours/);
  });

  it.each(gossop.items.map((i) => i.id))("item %s scores 0-3 and refuses 4", (itemId) => {
    const base = answerAll(gossop, "lowest");
    for (const value of [0, 1, 2, 3]) {
      expect(scoreAssessment(gossop, { ...base, [itemId]: value }).total).toBe(value);
    }
    const result = validateAnswers(gossop, { ...base, [itemId]: 4 });
    expect(result.ok).toBe(false);
  });

  it("totals 0-30", () => {
    expect(scoreAssessment(gossop, answerAll(gossop, "lowest")).total).toBe(0);
    expect(scoreAssessment(gossop, answerAll(gossop, "highest")).total).toBe(30);
    expect(gossop.totalRange).toEqual({ min: 0, max: 30 });
  });
});

describe("quick check", () => {
  const quick = instrument("quick-check");

  it("says it is Mitra's own and not validated", () => {
    expect(quick.validated).toBe(false);
    expect(quick.description).toMatch(/not a validated instrument/i);
  });

  it("rates six items 0-10 with anchor labels at 0 and 10", () => {
    const ratings = choiceItems(quick);
    expect(ratings.map((i) => i.id)).toEqual([
      "pain",
      "muscle-soreness",
      "sleep-quality",
      "anxiety",
      "craving",
      "mood",
    ]);
    for (const item of ratings) {
      expect(item.answers.map((a) => a.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(item.answers[0]?.label).toMatch(/^0 - \S/);
      expect(item.answers[10]?.label).toMatch(/^10 - \S/);
    }
  });

  it("records hours slept 0-24 in half hours", () => {
    const base = { pain: 0, "muscle-soreness": 0, "sleep-quality": 5, anxiety: 0, craving: 0 };
    const answers = { ...base, mood: 5 };
    expect(validateAnswers(quick, { ...answers, "hours-slept": 6.5 })).toEqual({ ok: true });
    expect(validateAnswers(quick, { ...answers, "hours-slept": 24 })).toEqual({ ok: true });
    for (const bad of [6.25, -0.5, 24.5]) {
      const result = validateAnswers(quick, { ...answers, "hours-slept": bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.item)).toEqual(["hours-slept"]);
    }
  });

  it("shows items one by one, with no total and no band", () => {
    const score = scoreAssessment(quick, {
      pain: 7,
      "muscle-soreness": 6,
      "sleep-quality": 2,
      anxiety: 5,
      craving: 8,
      mood: 3,
      "hours-slept": 4.5,
    });
    expect(score.total).toBeNull();
    expect(score.band).toBeNull();
    expect(score.complete).toBe(true);
    expect(score.itemScores.find((s) => s.itemId === "hours-slept")?.label).toBe("4.5 hours");
  });
});

describe("red-flag screen", () => {
  const red = instrument("red-flags");
  const allNo = answerAll(red, "lowest");

  it("asks the eight danger signs as yes/no questions", () => {
    expect(red.items.map((i) => i.id)).toEqual([
      "seizure",
      "fainting",
      "chest-pain",
      "breathing",
      "yellow-skin-eyes",
      "dark-urine",
      "vomiting",
      "self-harm",
    ]);
    for (const item of choiceItems(red)) {
      expect(item.answers).toEqual([
        { value: 0, label: "No" },
        { value: 1, label: "Yes" },
      ]);
    }
  });

  it("raises nothing when every answer is no", () => {
    expect(validateAnswers(red, allNo)).toEqual({ ok: true });
    expect(redFlagWarnings(red, allNo)).toEqual([]);
  });

  it.each(red.items.map((i) => i.id))("a yes to %s raises one urgent, sourced warning", (id) => {
    const warnings = redFlagWarnings(red, { ...allNo, [id]: 1 });
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w?.code).toBe(`redflag.${id}`);
    expect(w?.severity).toBe("urgent");
    expect(w?.title.length).toBeGreaterThan(0);
    expect(w?.message.length).toBeGreaterThan(0);
    expect(w?.sources.length).toBeGreaterThan(0);
    for (const s of w?.sources ?? []) expect(s.url ?? s.doi).toBeTruthy();
    // Every action names an emergency number; the US one and at least one other.
    expect(w?.action).toContain("911");
    expect(w?.action).toMatch(/112|999|000|111/);
  });

  it("sends a suicidal crisis to 988 and possible poisoning to Poison Control", () => {
    const selfHarm = redFlagWarnings(red, { ...allNo, "self-harm": 1 })[0];
    expect(selfHarm?.action).toMatch(/988/);
    expect(selfHarm?.action).toContain("1-800-662-4357");
    for (const id of ["seizure", "fainting", "chest-pain", "breathing", "vomiting"]) {
      expect(redFlagWarnings(red, { ...allNo, [id]: 1 })[0]?.action).toContain("1-800-222-1222");
    }
  });

  it("raises one warning per yes when several are answered yes", () => {
    const answers = { ...allNo, seizure: 1, "dark-urine": 1, "self-harm": 1 };
    expect(redFlagWarnings(red, answers).map((w) => w.code)).toEqual([
      "redflag.seizure",
      "redflag.dark-urine",
      "redflag.self-harm",
    ]);
  });
});

describe("side-effects checklist", () => {
  const se = instrument("side-effects");
  const red = instrument("red-flags");
  const allNone = answerAll(se, "lowest");

  it("says plainly it is Mitra's checklist, not a validated scale, with no total or bands", () => {
    expect(se.validated).toBe(false);
    expect(se.recordedBy).toBe("patient");
    expect(se.description).toMatch(/not a validated scale/i);
    expect(se.totalRange).toBeNull();
    expect(se.bands).toEqual([]);
    expect(se.subscores).toEqual([]);
    expect(se.bandsNote).toMatch(/no total/i);
    const score = scoreAssessment(se, answerAll(se, "highest"));
    expect(score.total).toBeNull();
    expect(score.band).toBeNull();
  });

  it("rates the common effects none, mild, bothersome or severe", () => {
    const common = ["nausea", "vomiting", "constipation", "dizziness", "fast-heartbeat"];
    const graded = choiceItems(se).filter((i) => i.answers.length === 4);
    expect(graded.map((i) => i.id)).toEqual([...common, "sweating", "itching"]);
    for (const item of graded) {
      expect(item.answers.map((a) => a.label)).toEqual(["None", "Mild", "Bothersome", "Severe"]);
      expect(item.answers.map((a) => a.value)).toEqual([0, 1, 2, 3]);
    }
  });

  it("asks about skin darkening and the liver warning signs yes or no", () => {
    const signs = choiceItems(se).filter((i) => i.answers.length === 2);
    expect(signs.map((i) => i.id)).toEqual([
      "skin-darkening",
      "yellow-skin-eyes",
      "dark-urine",
      "pale-stools",
      "itching-with-tiredness",
    ]);
    for (const item of signs) {
      expect(item.answers).toEqual([
        { value: 0, label: "No" },
        { value: 1, label: "Yes" },
      ]);
    }
    expect(signs[0]?.text).toMatch(/grey-blue/);
  });

  it("cites the hyperpigmentation case reports and the liver-injury review", () => {
    const titles = se.sources.map((s) => s.title).join("\n");
    expect(titles).toMatch(/Patel S, Phelan N/);
    expect(titles).toMatch(/Suleman S/);
    expect(titles).toMatch(/Schimmel J, Dart RC/);
    for (const s of se.sources) expect(s.url ?? s.doi).toBeTruthy();
  });

  it("answers yellow skin or dark urine as urgently as the red-flag screen does", () => {
    expect(validateAnswers(se, allNone)).toEqual({ ok: true });
    expect(redFlagWarnings(se, allNone)).toEqual([]);
    for (const id of ["yellow-skin-eyes", "dark-urine"]) {
      expect(redFlagWarnings(se, { ...allNone, [id]: 1 })).toEqual(
        redFlagWarnings(red, { [id]: 1 }).map((w) => ({
          ...w,
          details: { ...w.details, instrumentId: "side-effects" },
        })),
      );
    }
    expect(redFlagWarnings(se, { ...allNone, "skin-darkening": 1, nausea: 3 })).toEqual([]);
  });
});
