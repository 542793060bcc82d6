import type { Kysely } from "kysely";
import type { Warning } from "../../core/warning.ts";
import { type AssessmentRecord, listAssessments } from "../../db/assessments.ts";
import { type ClinicalNoteRecord, listClinicalNotes } from "../../db/clinical-notes.ts";
import { listIngestions } from "../../db/ingestions.ts";
import { getPlan, listPlans, type PlanWithVersions } from "../../db/plans.ts";
import { listProducts, type ProductRecord } from "../../db/products.ts";
import type { Database } from "../../db/schema.ts";
import type { CareScope } from "../../db/tables/care-team.ts";
import { findUserById } from "../../db/users.ts";
import { loadCompiledSafetyRules } from "../../knowledge/safety-rules.ts";
import {
  type IngestionView,
  ingestionViewer,
  substanceNameOf,
} from "../dose-log/ingestion-view.ts";

/**
 * One person's record for a time range, limited to what the reader may see: everything for the
 * person themselves, the link's scopes for a clinician. The timeline, the PDF and the FHIR export
 * are all built from it, so they can never show more than the scopes allow.
 */

export interface DoseEntry extends IngestionView {
  /** The warnings shown when the dose was logged (the safety engine's verdict then). */
  warnings: Warning[];
}

export interface ProductEntry extends ProductRecord {
  substanceName: string;
}

export interface PatientRecord {
  patient: {
    id: string;
    email: string;
    displayName: string | null;
    timeZone: string;
    createdAt: string;
  };
  from: Date;
  to: Date;
  /** What the record holds: the sections a reader without a scope never gets. */
  scopes: CareScope[];
  /** Newest first. Present with `assessments`. */
  assessments?: AssessmentRecord[];
  /** Newest first, deleted ones left out. Present with `doses`. */
  doses?: DoseEntry[];
  /** Plans with every version (the ones in force at some point of the range). With `doses`. */
  plans?: PlanWithVersions[];
  products?: ProductEntry[];
  /** Notes on the record, newest first. Present with `notes`. */
  notes?: ClinicalNoteRecord[];
}

/** Most entries of each kind one record holds; the range narrows what a report needs. */
export const RECORD_LIMIT = 5000;

/** Whether the plan was in force at some point of [from, to]. */
function inForceDuring(plan: PlanWithVersions, from: Date, to: Date): boolean {
  const started = plan.createdAt <= to.toISOString();
  const notEndedBefore = plan.endedAt === null || plan.endedAt >= from.toISOString();
  return started && notEndedBefore;
}

/** The person's record in [from, to] with the given sections; undefined when there is no such person. */
export async function gatherPatientRecord(
  db: Kysely<Database>,
  patientId: string,
  scopes: readonly CareScope[],
  range: { from: Date; to: Date },
): Promise<PatientRecord | undefined> {
  const user = await findUserById(db, patientId);
  if (!user) return undefined;
  const record: PatientRecord = {
    patient: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      timeZone: user.time_zone,
      createdAt: user.created_at,
    },
    from: range.from,
    to: range.to,
    scopes: [...scopes],
  };
  const rules = loadCompiledSafetyRules();
  const jobs: Promise<unknown>[] = [];
  if (scopes.includes("assessments")) {
    jobs.push(
      listAssessments(db, patientId, { ...range, limit: RECORD_LIMIT }).then((a) => {
        record.assessments = a;
      }),
    );
  }
  if (scopes.includes("doses")) {
    jobs.push(
      (async () => {
        const view = await ingestionViewer(db, rules, patientId);
        const doses = await listIngestions(db, patientId, {
          from: range.from,
          to: new Date(range.to.getTime() + 1),
          limit: RECORD_LIMIT,
        });
        // A dose names its product only for someone the products are shared with.
        const sharesProducts = scopes.includes("products");
        record.doses = doses.map((d) => ({
          ...view(d),
          ...(sharesProducts ? {} : { productId: null, productName: null }),
          warnings: d.warnings,
        }));
        const plans = await listPlans(db, patientId);
        const full = await Promise.all(plans.map((p) => getPlan(db, p.id)));
        record.plans = full.filter(
          (p): p is PlanWithVersions => p !== null && inForceDuring(p, range.from, range.to),
        );
      })(),
    );
  }
  if (scopes.includes("products")) {
    jobs.push(
      listProducts(db, patientId).then((products) => {
        record.products = products.map((p) => ({
          ...p,
          substanceName: substanceNameOf(rules, p.substanceId),
        }));
      }),
    );
  }
  if (scopes.includes("notes")) {
    jobs.push(
      listClinicalNotes(db, patientId, { ...range, limit: RECORD_LIMIT }).then((n) => {
        record.notes = n;
      }),
    );
  }
  await Promise.all(jobs);
  return record;
}
