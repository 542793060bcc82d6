import type { BrowserContext } from "playwright-core";
import type { ApiClient } from "../../src/testing/test-server.ts";

type Method = "GET" | "POST" | "PUT" | "DELETE";
type Send = (method: Method, path: string, body?: unknown) => Promise<Reply>;
interface Reply {
  status: number;
  body: any;
}

/**
 * A person's entries recorded over the API, as the app itself sends them: doses, plans and
 * check-ins. Every call must get the status it is meant to, or the call throws with the
 * server's answer, so a test's set-up never goes on after a refused write.
 */
export class ApiRecords {
  private constructor(private readonly send: Send) {}

  /** For the person signed in in a browser context (its cookie, and its session's CSRF token). */
  static async forContext(context: BrowserContext, baseUrl: string): Promise<ApiRecords> {
    const me = await context.request.get(`${baseUrl}/api/me`);
    if (me.status() !== 200) throw new Error(`/api/me: ${me.status()} ${await me.text()}`);
    const csrf: string = (await me.json()).csrfToken;
    return new ApiRecords(async (method, path, body) => {
      const res = await context.request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-csrf-token": csrf },
        ...(body === undefined ? {} : { data: body }),
      });
      const json = res.headers()["content-type"]?.includes("json");
      return { status: res.status(), body: json ? await res.json() : await res.text() };
    });
  }

  /** For a person signed in through an ApiClient (no browser). */
  static forClient(client: ApiClient): ApiRecords {
    return new ApiRecords(async (method, path, body) => {
      const res = await client.request(method, path, body);
      return { status: res.status, body: res.body };
    });
  }

  private async call(method: Method, path: string, body: unknown, expected: number) {
    const res = await this.send(method, path, body);
    if (res.status !== expected) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  /** Logs a dose of a substance (the API's `ingestions`); answers the stored ingestion. */
  async dose(substance: string, amount: number, unit: string, takenAt: string) {
    const body = { id: crypto.randomUUID(), substance, amount, unit, takenAt };
    return (await this.call("POST", "/api/ingestions", body, 201)).ingestion;
  }

  /** "Got it, quiet for today" on a warning code (first time today: 201). */
  async acknowledgeWarning(code: string): Promise<void> {
    await this.call("POST", "/api/me/acknowledged-warnings", { code }, 201);
  }

  async deleteDose(id: string): Promise<void> {
    await this.call("DELETE", `/api/ingestions/${id}`, undefined, 204);
  }

  /** Sets a plan; answers the plan as stored. */
  async createPlan(definition: unknown) {
    return (await this.call("POST", "/api/plans", { id: crypto.randomUUID(), definition }, 201))
      .plan;
  }

  /** A new version of a plan; answers the plan with its new current version. */
  async revisePlan(planId: string, definition: unknown) {
    return (await this.call("PUT", `/api/plans/${planId}`, { definition }, 200)).plan;
  }

  /** Ends a plan now (by the server's clock); answers the ended plan. */
  async endPlan(planId: string) {
    return (await this.call("POST", `/api/plans/${planId}/end`, {}, 200)).plan;
  }

  /** Records a check-in on an instrument with these answers. */
  async checkIn(instrument: string, takenAt: string, answers: Record<string, number>) {
    const body = { id: crypto.randomUUID(), instrument, takenAt, answers };
    return (await this.call("POST", "/api/assessments", body, 201)).assessment;
  }

  /** Answers every item of an instrument (as the server serves it) with the same value. */
  async everyItem(instrument: string, value: number): Promise<Record<string, number>> {
    const { instruments } = await this.call("GET", "/api/instruments", undefined, 200);
    const found = instruments.find((i: { id: string }) => i.id === instrument);
    if (!found) throw new Error(`no instrument ${instrument}`);
    return Object.fromEntries(found.items.map((item: { id: string }) => [item.id, value]));
  }
}
