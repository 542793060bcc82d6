import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../src/core/zoned-time.ts";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The patient lives in Kolkata (UTC+5:30), the clinicians in Los Angeles. A check-in at 00:15 in
// Kolkata is the morning before in Los Angeles: the table's columns are the patient's days.
const patientZone = "Asia/Kolkata";
const clinicianZone = "America/Los_Angeles";

const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(
    startOfZonedDay(day, patientZone).getTime() + h * 3_600_000 + m * 60_000,
  ).toISOString();
};
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
    const today = zonedDay(new Date(), patientZone);
    const [dayA, dayB] = [-3, -1].map((n) => addDays(today, n)) as [string, string];

    async function clinicianPage(patient: ApiClient, name: string, scopes: string[]) {
      const { page, context } = await openSignedInPage(
        browser,
        server.baseUrl,
        { name, displayName: name, timeZone: clinicianZone, role: "clinician" },
        { timezoneId: clinicianZone },
      );
      const invitation = await patient.post("/api/care/invitations", { scopes });
      expect(invitation.status).toBe(201);
      const csrf = (await (await context.request.get(`${server.baseUrl}/api/me`)).json()).csrfToken;
      const joined = await context.request.post(`${server.baseUrl}/api/care/join`, {
        data: { code: invitation.body.code },
        headers: { "x-csrf-token": csrf },
      });
      expect(joined.status(), await joined.text()).toBe(201);
      return page;
    }

    beforeAll(async () => {
      server = await startAppServer();
      server.clock.advance(Date.now() - server.clock.now().getTime());
      browser = await launchBrowser();
      const patient = new ApiClient(server.baseUrl);
      ({ id: patientId } = await patient.register("patient", {
        displayName: "Meera Patient",
        timeZone: patientZone,
      }));
      const instruments = (await patient.get("/api/instruments")).body;
      const checklist = instruments.instruments.find(
        (i: { id: string }) => i.id === "side-effects",
      );
      const none = Object.fromEntries(
        checklist.items.map((item: { id: string }) => [item.id, 0] as const),
      );
      const checkIn = async (takenAt: string, answers: Record<string, number>) => {
        const res = await patient.post("/api/assessments", {
          id: crypto.randomUUID(),
          instrument: "side-effects",
          takenAt,
          answers: { ...none, ...answers },
        });
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      };
      // Day A at 00:15 Kolkata (still the day before in Los Angeles): bothersome constipation.
      await checkIn(at(dayA, "00:15"), { constipation: 2 });
      // Day B: skin darkening, mild constipation.
      await checkIn(at(dayB, "09:00"), { constipation: 1, "skin-darkening": 1 });

      full = await clinicianPage(patient, "dr-full", ["doses", "assessments", "notes", "products"]);
      dosesOnly = await clinicianPage(patient, "dr-doses", ["doses"]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

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
      expect(await row.locator(".triage-reasons").textContent()).toContain(
        "Side effects: Skin darkening reported, not yet seen",
      );
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
