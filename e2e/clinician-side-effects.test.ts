import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../src/testing/test-server.ts";
import type { ApiRecords } from "./support/api-records.ts";
import { browserAvailable } from "./support/browser.ts";
import { clinicianJoiner, startBrowserWithPatient } from "./support/care-team.ts";
import { closeBrowserAndServer } from "./support/signed-in-page.ts";
import { atLocalTime, daysFromToday } from "./support/zoned-days.ts";

const available = browserAvailable();

// The patient lives in Kolkata (UTC+5:30), the clinicians in Los Angeles. A check-in at 00:15 in
// Kolkata is the morning before in Los Angeles: the table's columns are the patient's days.
const patientZone = "Asia/Kolkata";
const clinicianZone = "America/Los_Angeles";

/** A column header as the page prints it: "Nov 28" on the patient's calendar day. */
const header = (day: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }).format(
    new Date(`${day}T12:00:00Z`),
  );

describe.skipIf(!available)(
  "clinician's patient page: the patient's side effects, by consent",
  () => {
    let server: TestServer;
    let browser: Browser;
    let patientId = "";
    let full: Page;
    let dosesOnly: Page;
    const [dayA, dayB] = daysFromToday(patientZone, [-3, -1]).days as [string, string];

    beforeAll(async () => {
      let patient: ApiClient;
      let records: ApiRecords;
      ({ server, browser, patient, patientId, records } = await startBrowserWithPatient({
        displayName: "Meera Patient",
        timeZone: patientZone,
      }));
      const none = await records.everyItem("side-effects", 0);
      const checkIn = (day: string, hhmm: string, answers: Record<string, number>) =>
        records.checkIn("side-effects", atLocalTime(day, hhmm, patientZone), {
          ...none,
          ...answers,
        });
      // Day A at 00:15 Kolkata (still the day before in Los Angeles): bothersome constipation.
      await checkIn(dayA, "00:15", { constipation: 2 });
      // Day B: skin darkening, mild constipation.
      await checkIn(dayB, "09:00", { constipation: 1, "skin-darkening": 1 });

      const clinician = clinicianJoiner(browser, server.baseUrl, patient, clinicianZone);
      full = await clinician("dr-full", ["doses", "assessments", "notes", "products"]);
      dosesOnly = await clinician("dr-doses", ["doses"]);
    });
    afterAll(() => closeBrowserAndServer(browser, server));

    it("shows a clinician with full consent the reported skin darkening, on the patient's days", async () => {
      await full.goto(`${server.baseUrl}/patients/${patientId}`);
      const card = full.getByTestId("side-effects-timeline");
      await card.waitFor();
      const table = card.getByRole("table", {
        name: "Side effects reported, by day in Meera Patient’s time zone",
      });
      expect(await table.getByRole("columnheader").allTextContents()).toEqual([
        "Effect",
        header(dayA),
        header(dayB),
      ]);
      const row = async (label: string) =>
        (
          await table
            .getByRole("row", { name: new RegExp(`^${label}`) })
            .getByRole("cell")
            .allTextContents()
        ).map((t) => t.replace(/^–/, ""));
      expect(await row("Skin darkening")).toEqual(["No", "Yes"]);
      expect(await row("Constipation")).toEqual(["Bothersome", "Mild"]);
      expect(await table.getByRole("row").count()).toBe(3);
      const text = (await card.textContent()) ?? "";
      expect(text).toMatch(/one line per effect Meera Patient reported/);
      expect(text).toMatch(/Meera Patient reported skin darkening/);
      expect(text).toMatch(/Not reported on these days: Nausea, Vomiting/);
      // The person's own check-in link is not offered to the clinician.
      expect(await card.getByRole("link", { name: "Report side effects" }).count()).toBe(0);

      await card.evaluate((el) =>
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70),
      );
      await full.screenshot({ path: "test-results/clinician-side-effects-390.png" });
    });

    it("puts the reported skin darkening on the full clinician's dashboard", async () => {
      await full.goto(`${server.baseUrl}/patients`);
      const row = full.locator(".triage-row", { hasText: "Meera Patient" });
      await row.waitFor();
      // Named with its time on the patient's calendar, to be marked as seen.
      const alert = row.locator(".alert-item", { hasText: "Skin darkening" });
      expect(await alert.textContent()).toMatch(/Reported\s*Skin darkening, .+\(Side effects\)/);
      await alert.getByRole("button", { name: "Mark as seen" }).waitFor();
      await row.scrollIntoViewIfNeeded();
      await full.screenshot({ path: "test-results/clinician-side-effects-dashboard-390.png" });
    });

    it("does not show a clinician with the doses scope only any side effect", async () => {
      await dosesOnly.goto(`${server.baseUrl}/patients/${patientId}`);
      await dosesOnly.getByRole("heading", { name: "Meera Patient", level: 1 }).waitFor();
      await dosesOnly.getByRole("heading", { name: "Timeline" }).waitFor();
      expect(await dosesOnly.getByTestId("side-effects-timeline").count()).toBe(0);
      expect(await dosesOnly.getByTestId("side-effects-none").count()).toBe(0);
      const body = (await dosesOnly.locator("main, body").first().textContent()) ?? "";
      expect(body).not.toMatch(/Skin darkening|Constipation|Side effects/);
      await dosesOnly.goto(`${server.baseUrl}/patients`);
      const row = dosesOnly.locator(".triage-row", { hasText: "Meera Patient" });
      await row.waitFor();
      expect(await row.textContent()).not.toMatch(/Skin darkening|Side effects/);
      // Nor does the API answer it: the timeline has no assessments section.
      const timeline = await dosesOnly.evaluate(async (id) => {
        const res = await fetch(`/api/clinician/patients/${id}/timeline`);
        return { status: res.status, body: await res.json() };
      }, patientId);
      expect(timeline.status).toBe(200);
      expect(timeline.body.assessments).toBeUndefined();
      expect(JSON.stringify(timeline.body)).not.toContain("skin-darkening");
    });
  },
);
