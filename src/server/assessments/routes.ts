import { contract } from "../../api/contract.ts";
import { listAssessments } from "../../db/assessments.ts";
import instrumentsFile from "../../knowledge/data/instruments.json" with { type: "json" };
import { loadInstruments } from "../../knowledge/instruments.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";
import { toAssessmentView } from "./assessment-view.ts";
import { knownInstrument } from "./known-instrument.ts";
import { recordAssessment } from "./record-assessment.ts";
import { assessmentTrends } from "./trends.ts";

/** Most assessments a list returns when the client does not say. */
const DEFAULT_LIST_LIMIT = 500;

/** Instruments (public knowledge) and the signed-in person's own assessments and trends. */
export async function assessmentRoutes(app: App): Promise<void> {
  handle(app, contract.listInstruments, async (_request, reply) => {
    reply.header("cache-control", "public, max-age=3600");
    return {
      version: instrumentsFile.version,
      asOf: instrumentsFile.as_of,
      instruments: loadInstruments(),
    };
  });

  handle(app, contract.recordAssessment, async (request, reply) => {
    const user = requireUser(request);
    const { status, response } = await recordAssessment(app, {
      subjectUserId: user.id,
      recordedBy: { id: user.id, role: user.role },
      body: request.body,
      address: request.ip,
    });
    reply.status(status);
    return response;
  });

  handle(app, contract.listAssessments, async (request) => {
    const user = requireUser(request);
    const q = request.query;
    if (q.instrument !== undefined) knownInstrument(q.instrument, "query.instrument");
    const records = await listAssessments(app.mitra.db, user.id, {
      ...(q.instrument !== undefined ? { instrument: q.instrument } : {}),
      ...(q.from !== undefined ? { from: new Date(q.from) } : {}),
      ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
      limit: q.limit ?? DEFAULT_LIST_LIMIT,
    });
    return { assessments: records.map(toAssessmentView) };
  });

  handle(app, contract.getAssessmentTrends, async (request) => {
    const user = requireUser(request);
    return assessmentTrends(app.mitra.db, user.id, app.mitra.now());
  });
}
