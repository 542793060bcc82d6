import { route } from "./define.ts";
import {
  coaCheckBody,
  coaCheckResponse,
  evidenceClaimResponse,
  evidenceIdParams,
  evidenceListResponse,
  evidenceQuery,
  firstLineCareResponse,
  jurisdictionCodeParams,
  jurisdictionListResponse,
  jurisdictionResponse,
  jurisdictionSearchQuery,
  knowledgeVersionResponse,
  searchQuery,
  searchResponse,
} from "./knowledge-schemas.ts";

const KNOWLEDGE = "knowledge";

/**
 * The public knowledge base (no session needed): legal status, certificate checks, evidence,
 * first-line care, search and versions.
 */
export const knowledgeRoutes = {
  searchJurisdictions: route({
    method: "GET",
    path: "/api/legal/jurisdictions",
    tag: KNOWLEDGE,
    summary: "Search jurisdictions by name or code (all of them, by name, without q)",
    access: "public",
    query: jurisdictionSearchQuery,
    responses: { 200: jurisdictionListResponse },
  }),
  getJurisdiction: route({
    method: "GET",
    path: "/api/legal/jurisdictions/:code",
    tag: KNOWLEDGE,
    summary:
      "A jurisdiction's kratom and 7-OH status with its parents; the strictest rule along the chain wins",
    access: "public",
    params: jurisdictionCodeParams,
    responses: { 200: jurisdictionResponse },
  }),
  checkCoa: route({
    method: "POST",
    path: "/api/coa/check",
    tag: KNOWLEDGE,
    summary:
      "Check a certificate of analysis: 7-OH caps, heavy metals, microbial tests, lot and lab. A missing value is not tested, never a pass",
    access: "public",
    body: coaCheckBody,
    responses: { 200: coaCheckResponse },
  }),
  listEvidence: route({
    method: "GET",
    path: "/api/evidence",
    tag: KNOWLEDGE,
    summary: "Evidence-graded claims about kratom, 7-OH and magnesium, by topic",
    access: "public",
    query: evidenceQuery,
    responses: { 200: evidenceListResponse },
  }),
  getEvidenceClaim: route({
    method: "GET",
    path: "/api/evidence/:id",
    tag: KNOWLEDGE,
    summary: "One evidence-graded claim",
    access: "public",
    params: evidenceIdParams,
    responses: { 200: evidenceClaimResponse },
  }),
  getFirstLineCare: route({
    method: "GET",
    path: "/api/first-line-care",
    tag: KNOWLEDGE,
    summary:
      "First-line treatments (buprenorphine, methadone, naltrexone; lofexidine, clonidine), naloxone and where to find care",
    access: "public",
    responses: { 200: firstLineCareResponse },
  }),
  searchKnowledge: route({
    method: "GET",
    path: "/api/search",
    tag: KNOWLEDGE,
    summary: "Search jurisdictions, evidence claims and first-line care",
    access: "public",
    query: searchQuery,
    responses: { 200: searchResponse },
  }),
  getKnowledgeVersion: route({
    method: "GET",
    path: "/api/knowledge/version",
    tag: KNOWLEDGE,
    summary: "Each knowledge file's version and the date it was last checked",
    access: "public",
    responses: { 200: knowledgeVersionResponse },
  }),
};
