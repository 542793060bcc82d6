import type { AssessmentBody, RecordResponse } from "../../api/assessments.ts";
import { redFlagWarnings, scoreAssessment, validateAnswers } from "../../core/assessment/index.ts";
import { insertAssessment } from "../../db/assessments.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Role } from "../../db/users.ts";
import { loadCrisisResources } from "../../knowledge/crisis-resources.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput } from "../http/api-error.ts";
import { assessmentWarnings, toAssessmentView } from "./assessment-view.ts";
import { recordCheckInEvents } from "./care-team-events.ts";
import { knownInstrument } from "./known-instrument.ts";

/** Clock skew allowed between a phone and the server before a time counts as "in the future". */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** Who enters an assessment. */
export interface Recorder {
  id: string;
  role: Role;
}

export interface RecordAssessmentInput {
  /** Whose withdrawal the answers describe. */
  subjectUserId: string;
  /** Who entered them: the person, or a clinician (required for COWS). */
  recordedBy: Recorder;
  body: AssessmentBody;
  /** The client's address, for the audit log. */
  address?: string;
}

export interface RecordedAssessment {
  /** 201 when stored now, 200 when this id was stored before (a retry). */
  status: 200 | 201;
  response: RecordResponse;
}

/**
 * Checks, scores and stores one assessment, and returns it with its red-flag warnings.
 * Refuses (ApiError) an unknown instrument, a time in the future, a missing or disallowed answer
 * (400 naming `body.answers.<item>`), an instrument the recorder may not fill in (403: COWS is
 * rated by a clinician for a patient), and an id that belongs to someone else's record (409).
 * The same id again returns the stored record with its warnings recomputed.
 *
 * It does not check that a clinician may see the subject: the care-team routes do that first.
 */
export async function recordAssessment(
  app: App,
  input: RecordAssessmentInput,
): Promise<RecordedAssessment> {
  const { body, recordedBy, subjectUserId } = input;
  const instrument = knownInstrument(body.instrument, "body.instrument");
  if (instrument.recordedBy === "clinician") {
    if (recordedBy.role !== "clinician" || recordedBy.id === subjectUserId) {
      throw new ApiError(
        403,
        "clinician_recorded",
        `${instrument.shortName} is rated by a clinician from signs they observe (such as pulse, ` +
          "pupils and sweating), so your clinician records it for you. To rate how you feel " +
          "yourself, use SOWS, SOWS-Gossop or the quick check.",
        { instrument: instrument.id, recordedBy: instrument.recordedBy },
      );
    }
  }

  const now = app.mitra.now();
  const takenAt = new Date(body.takenAt);
  if (takenAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw invalidInput([
      {
        field: "body.takenAt",
        message: `is in the future (the server's time is ${now.toISOString()})`,
      },
    ]);
  }

  const validation = validateAnswers(instrument, body.answers);
  if (!validation.ok) {
    throw invalidInput(
      validation.issues.map((issue) => ({
        field: `body.answers.${issue.item}`,
        message: issue.message,
      })),
    );
  }

  const score = scoreAssessment(instrument, body.answers);
  const redFlag = redFlagWarnings(instrument, body.answers).some((w) => w.severity === "urgent");
  // The record and its audit entry commit together (one commit, and a crash between them cannot
  // leave a record without its "create" entry).
  const store = (db: typeof app.mitra.db) =>
    insertAssessment(
      db,
      {
        id: body.id,
        userId: subjectUserId,
        instrument: instrument.id,
        answers: body.answers,
        total: score.total,
        band: score.band?.id ?? null,
        redFlag,
        takenAt,
        recordedBy: recordedBy.id,
        now,
      },
      {
        actorId: recordedBy.id,
        subjectId: subjectUserId,
        action: "create",
        entity: "assessment",
        entityId: body.id,
        address: input.address ?? null,
        details: { instrument: instrument.id, redFlag },
        at: now,
      },
    );
  // The care team's events (a red flag, a rising score) are written in the same transaction (the
  // outbox): sent once the check-in is stored, and never for a check-in that was not.
  const { created, record } = await inTransaction(app.mitra.db, async (trx) => {
    const stored = await store(trx);
    if (stored.created) {
      const checkIn = { userId: subjectUserId, instrument: instrument.id, total: score.total };
      await recordCheckInEvents(
        trx,
        app.mitra.notifier,
        { ...checkIn, redFlag, takenAt },
        instrument.totalRange,
        now,
      );
    }
    return stored;
  });
  if (record.userId !== subjectUserId) {
    throw new ApiError(409, "id_conflict", "This id is already used by another record", {
      fields: [{ field: "body.id", message: "already used: generate a new uuid" }],
    });
  }

  const warnings = assessmentWarnings(record);
  const urgent = warnings.some((w) => w.severity === "urgent");
  return {
    status: created ? 201 : 200,
    response: {
      assessment: toAssessmentView(record),
      warnings,
      crisisResources: urgent ? loadCrisisResources().map((r) => structuredClone(r)) : [],
    },
  };
}
