import { describe, expect, it } from "vitest";
import { recordAssessment } from "../src/server/assessments/record-assessment.ts";
import { browserAvailable } from "./support/browser.ts";
import { fillDose, saveDose } from "./support/dose-form.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The person lives in Kolkata (UTC+5:30) while the browser runs in UTC: the days on Progress
// must be the person's days, not the device's.
const personZone = "Asia/Kolkata";
const dayInZone = (instant: string | Date) =>
  new Intl.DateTimeFormat("en-US", { timeZone: personZone, month: "short", day: "numeric" }).format(
    new Date(instant),
  );

/** What the person taps on each question (legend start -> answer). */
const taps: [string, string][] = [
  ["Nausea", "Mild"],
  ["Vomiting", "None"],
  ["Constipation", "Bothersome"],
  ["Dizziness", "None"],
  ["A fast or pounding heartbeat", "None"],
  ["Sweating more than usual", "None"],
  ["Itching", "None"],
  ["Have you noticed grey-blue or darker skin", "Yes"],
  ["Have your skin or the whites of your eyes turned yellow", "No"],
  ["Is your urine (pee) dark", "No"],
  ["Are your stools (poo) pale", "No"],
  ["Do you have itching together with unusual tiredness", "No"],
];

describe.skipIf(!available)("the side-effects check-in in the browser", () => {
  const app = useSignedInBrowser(
    { name: "meera", displayName: "Meera", timeZone: personZone },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const group = (legend: string) =>
    app.page.getByRole("group", { name: new RegExp(`^\\d+\\. ${escapeRegExp(legend)}`) });

  it("reports skin darkening with one tap each and shows the warning with its source", async () => {
    await app.page.goto(`${app.server.baseUrl}/check-in`);
    await app.page.getByRole("link", { name: /^Side effects/ }).click();
    await app.page.waitForURL("**/check-in/side-effects");
    await expect
      .poll(() => app.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Side effects");
    expect(await app.page.getByText(/not a validated scale/).count()).toBe(1);

    for (const [legend, answer] of taps) {
      await group(legend).getByText(answer, { exact: true }).click();
    }
    // Each answer is a labelled radio in a fieldset named by its question.
    expect(await group("Nausea").getByRole("radio", { name: "Mild" }).isChecked()).toBe(true);
    expect(
      await group("Have you noticed grey-blue").getByRole("radio", { name: "Yes" }).isChecked(),
    ).toBe(true);
    expect(await group("Nausea").getByRole("radio").count()).toBe(4);
    // An unscored checklist: the answers are words, with no points above them.
    expect(await group("Nausea").locator(".option-label").allTextContents()).toEqual([
      "None",
      "Mild",
      "Bothersome",
      "Severe",
    ]);
    expect(await app.page.locator("form .option-value").count()).toBe(0);
    // Skin darkening is not an emergency: nothing urgent while answering.
    expect(await app.page.getByText("You reported a danger sign.").count()).toBe(0);
    expect(await app.page.getByTestId("live-score").textContent()).toMatch(/Answered 12 of 12/);
    await group("Nausea").scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/side-effects-form-390.png" });

    await app.page.getByRole("button", { name: "Save check-in" }).click();
    await app.page.getByRole("heading", { name: "Check-in saved" }).waitFor();
    const warning = app.page.locator('[data-code="sign.skin-darkening-kratom"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/darkening of your skin/);
    expect(await warning.textContent()).toMatch(/clinician/);
    await warning.getByText("Why, and the source").click();
    const source = warning.getByRole("link", { name: /Patel S, Phelan N/ });
    await source.waitFor();
    expect(await source.getAttribute("href")).toMatch(/^https:\/\//);
    expect(await warning.textContent()).toMatch(/does not treat it/);
    // No urgent help lines for a side effect to report.
    expect(await app.page.getByRole("heading", { name: /Please get help now/ }).count()).toBe(0);
    await warning.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/side-effects-warning-390.png" });
  });

  it("shows side effects by day on Progress, in the person's time zone", async () => {
    // An earlier check-in, two days ago, with nausea only.
    const earlier = new Date(app.server.clock.now().getTime() - 48 * 3_600_000).toISOString();
    await recordAssessment(app.server.app, {
      subjectUserId: app.userId,
      recordedBy: { id: app.userId, role: "patient" },
      body: {
        id: crypto.randomUUID(),
        instrument: "side-effects",
        takenAt: earlier,
        answers: {
          nausea: 2,
          vomiting: 0,
          constipation: 0,
          dizziness: 0,
          "fast-heartbeat": 0,
          sweating: 0,
          itching: 0,
          "skin-darkening": 0,
          "yellow-skin-eyes": 0,
          "dark-urine": 0,
          "pale-stools": 0,
          "itching-with-tiredness": 0,
        },
      },
    });

    await app.page.getByRole("link", { name: "See your progress" }).click();
    await app.page.waitForURL("**/progress");
    const card = app.page.getByTestId("side-effects-timeline");
    await card.waitFor();
    const table = card.getByRole("table", { name: /Side effects reported, by day/ });
    const headers = await table.getByRole("columnheader").allTextContents();
    const today = await app.page.evaluate(async () => {
      const r = await fetch("/api/assessments?instrument=side-effects");
      return (await r.json()).assessments[0].takenAt as string;
    });
    expect(headers).toEqual(["Effect", dayInZone(earlier), dayInZone(today)]);

    const row = async (label: string) => {
      const r = table.getByRole("row", { name: new RegExp(`^${escapeRegExp(label)}`) });
      return (await r.getByRole("cell").allTextContents()).map((t) => t.replace(/^–/, ""));
    };
    expect(await row("Nausea")).toEqual(["Bothersome", "Mild"]);
    expect(await row("Constipation")).toEqual(["None", "Bothersome"]);
    expect(await row("Skin darkening")).toEqual(["No", "Yes"]);
    expect(await table.getByRole("row").count()).toBe(4);
    expect(await card.textContent()).toMatch(/Not reported on these days: Vomiting/);
    expect(await card.textContent()).toMatch(/kratom does not treat it/);
    expect(await app.page.getByText(`your time zone, ${personZone}`).count()).toBe(1);

    await card.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/progress-side-effects-390.png" });
  });

  it("repeats the skin warning when the person next logs kratom", async () => {
    await app.page.goto(`${app.server.baseUrl}/log`);
    await app.page.getByRole("heading", { name: "Log a dose", level: 1 }).waitFor();
    await fillDose(app.page, "kratom", "Kratom leaf powder", "2");
    const live = app.page.getByRole("region", { name: "Warnings before you save" });
    const sign = live.locator('[data-code="sign.skin-darkening-kratom"]');
    await sign.waitFor();
    expect(await sign.locator(".warning-badge").textContent()).toBe("Caution");
    await saveDose(app.page);
    await app.page.getByRole("heading", { name: "Dose saved" }).waitFor();
    await app.page
      .getByRole("region", { name: "Warnings for this dose" })
      .locator('[data-code="sign.skin-darkening-kratom"]')
      .waitFor();
  });
});
