import { describe, expect, it } from "vitest";
import { insertUser } from "../src/db/users.ts";
import { recordAssessment } from "../src/server/assessments/record-assessment.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** The SOWS as a person answers it: item text, the answer they tap, and its value. */
const sowsAnswers: [string, string, number][] = [
  ["I feel anxious.", "Moderately", 2],
  ["I feel like yawning.", "A little", 1],
  ["I am perspiring.", "Not at all", 0],
  ["My eyes are tearing.", "A little", 1],
  ["My nose is running.", "Quite a bit", 3],
  ["I have goose flesh.", "Not at all", 0],
  ["I am shaking.", "A little", 1],
  ["I have hot flashes.", "Moderately", 2],
  ["I have cold flashes.", "Moderately", 2],
  ["My bones and muscles ache.", "Extremely", 4],
  ["I feel restless.", "Quite a bit", 3],
  ["I feel nauseous.", "A little", 1],
  ["I feel like vomiting.", "Not at all", 0],
  ["My muscles twitch.", "A little", 1],
  ["I have cramps in my stomach.", "Moderately", 2],
  ["I feel like using now.", "Quite a bit", 3],
];
const sowsTotal = sowsAnswers.reduce((sum, [, , v]) => sum + v, 0);

// The person lives in Kolkata (UTC+5:30) while the browser runs in UTC: times on the page must
// follow the person's zone, not the device's.
const personZone = "Asia/Kolkata";

describe.skipIf(!available)("check-ins and progress in the browser", () => {
  const app = useSignedInBrowser(
    { name: "sita", displayName: "Sita", timeZone: personZone },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  const group = (legend: string) =>
    app.page.getByRole("group", {
      name: new RegExp(legend.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    });

  it("completes a SOWS check-in, scoring live, and shows the total", async () => {
    await app.page.goto(`${app.server.baseUrl}/check-in`);
    // Each choice says plainly what it asks and how long it takes, the scale's name beside.
    const choice = app.page.getByRole("link", { name: /Subjective Opiate Withdrawal Scale/ });
    expect(await choice.textContent()).toMatch(
      /^Withdrawal right now16 feelings.*About two minutes/,
    );
    await choice.click();
    await app.page.waitForURL("**/check-in/sows");
    await expect
      .poll(() => app.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Subjective Opiate Withdrawal Scale");

    // Saving too early names what is missing, and nothing is stored.
    await app.page.getByRole("button", { name: "Save check-in" }).click();
    await expect
      .poll(() => app.page.getByRole("alert").first().textContent())
      .toMatch(/16 questions still need an answer/);

    const [first, second] = sowsAnswers;
    for (const [legend, label] of [first!, second!]) {
      await group(legend).getByText(label, { exact: true }).click();
    }
    const live = app.page.getByTestId("live-score");
    await expect.poll(() => live.textContent()).toMatch(/Answered 2 of 16/);
    expect(await live.textContent()).toMatch(new RegExp(`So far ${first![2] + second![2]}`));
    expect(await group(first![0]).getByRole("radio", { name: first![1] }).isChecked()).toBe(true);
    // A scored scale shows each answer's points (0 to 4) above its words.
    expect(await group(first![0]).locator(".option-value").allTextContents()).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
    ]);
    await app.page.screenshot({ path: "test-results/check-in-sows-390.png" });

    for (const [legend, label] of sowsAnswers.slice(2)) {
      await group(legend).getByText(label, { exact: true }).click();
    }
    await expect.poll(() => live.textContent()).toMatch(new RegExp(`Total ${sowsTotal}`));
    await app.page.getByRole("button", { name: "Save check-in" }).click();

    const saved = app.page.getByRole("heading", { name: "Check-in saved" });
    await saved.waitFor();
    const total = app.page.getByTestId("result-total");
    expect(await total.textContent()).toMatch(new RegExp(`${sowsTotal}\\s*of 64`));
    expect(await total.textContent()).toMatch(/Craving \(item 16\): 3/);
    // No published bands: the total is read against the person's own earlier ones.
    await expect
      .poll(() => app.page.getByTestId("own-comparison").textContent())
      .toMatch(/^This is your first SOWS\. Your next ones will be compared with it\./);
    expect(await app.page.getByTestId("warnings").count()).toBe(0);
    await app.page.screenshot({ path: "test-results/check-in-sows-saved-390.png" });
  });

  it("shows the check-in on the Progress chart, in the person's time zone", async () => {
    // A clinician recorded a COWS yesterday (through the care team's service), so the app.page also
    // has an instrument with bands to draw.
    const clinicianId = crypto.randomUUID();
    await insertUser(app.server.database.db, {
      id: clinicianId,
      email: `dr-${clinicianId}@example.org`,
      passwordHash: "x",
      role: "clinician",
      displayName: "Dr Rao",
      timeZone: personZone,
      now: app.server.clock.now(),
    });
    const yesterday = new Date(app.server.clock.now().getTime() - 26 * 3_600_000).toISOString();
    const cows = await recordAssessment(app.server.app, {
      subjectUserId: app.userId,
      recordedBy: { id: clinicianId, role: "clinician" },
      body: {
        id: crypto.randomUUID(),
        instrument: "cows",
        takenAt: yesterday,
        answers: {
          pulse: 2,
          sweating: 1,
          restlessness: 3,
          "pupil-size": 1,
          "bone-joint-aches": 2,
          "runny-nose-tearing": 1,
          "gi-upset": 1,
          tremor: 1,
          yawning: 1,
          "anxiety-irritability": 2,
          gooseflesh: 0,
        },
      },
    });
    expect(cows.response.assessment.band?.label).toBe("Moderate");

    await app.page.getByRole("link", { name: "See your progress" }).click();
    await app.page.waitForURL("**/progress");
    const chart = app.page.getByTestId("chart-sows");
    await chart.waitFor();
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await app.page.getByRole("img", { name: /SOWS totals over time/ }).count()).toBe(1);
    expect(await chart.locator("circle.chart-point").count()).toBe(1);
    expect(await chart.locator("rect.chart-band").count()).toBe(0);
    const cowsChart = app.page.getByTestId("chart-cows");
    expect(await cowsChart.locator("rect.chart-band").count()).toBe(5);
    expect(await cowsChart.locator("desc").textContent()).toMatch(/Latest total 15 of 48/);
    expect(await cowsChart.locator("desc").textContent()).toMatch(/Moderate 13-24/);
    // The band names are readable on a phone: drawn at least 11 px tall (text of about 10 px).
    const bandLabels = await cowsChart
      .locator(".chart-band-label")
      .evaluateAll((labels) =>
        labels.map((l) => [l.textContent, Math.round(l.getBoundingClientRect().height)]),
      );
    expect(bandLabels.length).toBeGreaterThanOrEqual(3);
    for (const [, height] of bandLabels) expect(height).toBeGreaterThanOrEqual(11);
    await cowsChart.screenshot({ path: "test-results/progress-cows-390.png" });
    const sowsCard = app.page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    expect(await sowsCard.textContent()).toMatch(new RegExp(`Latest${sowsTotal} of 64`));
    expect(await chart.locator("desc").textContent()).toMatch(
      new RegExp(`Latest total ${sowsTotal} of 64`),
    );

    await sowsCard.getByText("Show as a table").click();
    const row = app.page
      .getByRole("table", { name: /SOWS totals/ })
      .getByRole("row")
      .nth(1);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells[1]).toBe(String(sowsTotal));
    const stored = await app.page.evaluate(async () => {
      const r = await fetch("/api/assessments?instrument=sows");
      return (await r.json()).assessments[0].takenAt as string;
    });
    const inKolkata = new Intl.DateTimeFormat("en-US", {
      timeZone: personZone,
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(stored));
    expect(cells[0]).toBe(inKolkata);
    expect(await app.page.getByText(`your time zone, ${personZone}`).count()).toBe(1);
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.page.screenshot({ path: "test-results/progress-390.png" });
    await sowsCard.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/progress-sows-390.png" });
  });

  it("records a quick check on 0-10 scales with hours slept", async () => {
    await app.page.goto(`${app.server.baseUrl}/check-in/quick-check`);
    const pain = group("How much pain");
    await pain.getByRole("radio", { name: /Worst pain imaginable/ }).waitFor({ state: "attached" });
    await pain.locator("label.option").nth(6).click();
    expect(await pain.getByRole("radio", { name: "6", exact: true }).isChecked()).toBe(true);
    await app.page.screenshot({ path: "test-results/quick-check-390.png" });
    for (const legend of ["muscle", "sleep", "anxious", "crav", "mood"]) {
      await group(legend).locator("label.option").nth(3).click();
    }
    const hours = app.page.getByLabel(/How many hours did you sleep/);
    await hours.fill("6.2");
    await app.page.getByRole("button", { name: "Save check-in" }).click();
    await expect
      .poll(() => app.page.locator(".field-error").first().textContent())
      .toMatch(/steps/);
    await hours.fill("6.5");
    await app.page.getByRole("button", { name: "Save check-in" }).click();
    await app.page.getByRole("heading", { name: "Check-in saved" }).waitFor();
    await app.page.getByText("Your answers").click();
    expect(await app.page.locator(".result-answers").textContent()).toMatch(/6.5 hours/);
  });

  it("answers a red flag at once with crisis guidance, and again after saving", async () => {
    await app.page.goto(`${app.server.baseUrl}/check-in/red-flags`);
    await group("Have you had a seizure").getByText("No", { exact: true }).click();
    expect(await app.page.getByTestId("warnings").count()).toBe(0);

    await group("thoughts of suicide").getByText("Yes", { exact: true }).click();
    // Before saving: the warning sits under the question, with the crisis line and help link.
    const warning = app.page.locator('[data-code="redflag.self-harm"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/988/);
    expect(await warning.getByRole("link", { name: /Crisis lines/ }).getAttribute("href")).toBe(
      "/help",
    );
    expect(await app.page.getByText("You reported a danger sign.").count()).toBe(1);
    await app.page.screenshot({ path: "test-results/red-flag-at-once-390.png" });

    for (const legend of [
      "Have you fainted",
      "chest pain",
      "trouble breathing",
      "turned yellow",
      "urine",
      "vomiting",
    ]) {
      await group(legend).getByText("No", { exact: true }).click();
    }
    await app.page.getByRole("button", { name: "Save check-in" }).click();
    await app.page.getByRole("heading", { name: /Saved. Please get help now/ }).waitFor();
    expect(
      await app.page.getByRole("link", { name: "Call 988" }).first().getAttribute("href"),
    ).toBe("tel:988");
    expect(await app.page.getByRole("link", { name: "Call 911" }).count()).toBeGreaterThan(0);
    await app.page.screenshot({ path: "test-results/red-flag-saved-390.png" });

    await app.page.getByRole("link", { name: "All help lines and what each is for" }).click();
    await app.page.waitForURL("**/help");
  });

  it("shows today's latest check-in on Today", async () => {
    await app.page.goto(`${app.server.baseUrl}/today`);
    const card = app.page.getByTestId("today-checkin");
    await expect.poll(() => card.textContent()).toMatch(/Latest today/);
    expect(await card.textContent()).toMatch(/Danger signs: danger sign reported/);
    expect(await card.textContent()).toMatch(/danger sign reported/);
    await card.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await app.page.screenshot({ path: "test-results/today-check-in-390.png" });
  });
});
