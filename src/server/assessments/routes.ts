import { listAssessments } from "../../db/assessments.ts";
import instrumentsFile from "../../knowledge/data/instruments.json" with { type: "json" };
import { loadInstruments } from "../../knowledge/instruments.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { toAssessmentView } from "./assessment-view.ts";
import { recordAssessment } from "./record-assessment.ts";
import {
  assessmentBody,
  assessmentListQuery,
  assessmentListResponse,
  instrumentsResponse,
  recordResponse,
  trendsResponse,
} from "./schemas.ts";
import { assessmentTrends } from "./trends.ts";

/** Most assessments a list returns when the client does not say. */
const DEFAULT_LIST_LIMIT = 500;

/** Instruments (public knowledge) and the signed-in person's own assessments and trends. */
export async function assessmentRoutes(app: App): Promise<void> {
  app.get(
    "/api/instruments",
    {
      schema: {
        tags: ["assessments"],
        summary: "Assessment instruments: items in published order, answers, bands, sources",
        response: { 200: instrumentsResponse },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=3600");
      return {
        version: instrumentsFile.version,
        asOf: instrumentsFile.as_of,
        instruments: loadInstruments(),
      };
    },
  );

  app.post(
    "/api/assessments",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Record one's own assessment; returns its score, band, red flags and reported-sign warnings",
        body: assessmentBody,
        response: { 200: recordResponse, 201: recordResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { status, response } = await recordAssessment(app, {
        subjectUserId: user.id,
        recordedBy: { id: user.id, role: user.role },
        body: request.body,
        address: request.ip,
      });
      reply.status(status);
      return response;
    },
  );

  app.get(
    "/api/assessments",
    {
      schema: {
        tags: ["assessments"],
        summary: "One's own assessments, newest first",
        querystring: assessmentListQuery,
        response: { 200: assessmentListResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      const records = await listAssessments(app.mitra.db, user.id, {
        ...(q.instrument !== undefined ? { instrument: q.instrument } : {}),
        ...(q.from !== undefined ? { from: new Date(q.from) } : {}),
        ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
        limit: q.limit ?? DEFAULT_LIST_LIMIT,
      });
      return { assessments: records.map(toAssessmentView) };
    },
  );

  app.get(
    "/api/assessments/trends",
    {
      schema: {
        tags: ["assessments"],
        summary: "One's own trend per scored instrument: baseline, latest, 72-hour change, rising",
        response: { 200: trendsResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return assessmentTrends(app.mitra.db, user.id, app.mitra.now());
    },
  );
}
