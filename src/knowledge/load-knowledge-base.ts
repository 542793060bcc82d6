import { loadCoaLimits } from "./coa-limits.ts";
import { loadConditions } from "./conditions.ts";
import { loadCrisisResources } from "./crisis-resources.ts";
import { loadEvidenceClaims } from "./evidence.ts";
import { loadFirstLineCare } from "./first-line-care.ts";
import { loadInstruments } from "./instruments.ts";
import { loadInteractions } from "./interactions.ts";
import { loadJurisdictions } from "./jurisdictions.ts";
import { checkKnowledgeBase, type KnowledgeBaseReport } from "./kb-check.ts";
import { loadLimits } from "./limits.ts";
import { type KnowledgeFile, knowledgeFiles } from "./registry.ts";
import { checkReportedSignReferences } from "./reported-sign-references.ts";
import { loadCompiledSafetyRules } from "./safety-rules.ts";
import { loadSubstances } from "./substances.ts";

/** The knowledge base cannot be used: a file is invalid or a loader refused it. */
export class KnowledgeBaseInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The knowledge base is invalid; Mitra will not start with it. Fix these and run \`mitra kb check\`:\n${problems
        .map((p) => `  - ${p}`)
        .join("\n")}`,
    );
    this.name = "KnowledgeBaseInvalid";
  }
}

/** Every loader, by the data file it reads; each validates and caches its file on first call. */
const loaders: [file: string, load: () => unknown][] = [
  ["instruments.json", loadInstruments],
  ["crisis-resources.json", loadCrisisResources],
  ["jurisdictions.json", loadJurisdictions],
  ["coa-limits.json", loadCoaLimits],
  ["evidence.json", loadEvidenceClaims],
  ["first-line-care.json", loadFirstLineCare],
  ["substances.json", loadSubstances],
  ["interactions.json", loadInteractions],
  ["conditions.json", loadConditions],
  ["limits.json", loadLimits],
  ["substances, interactions, conditions and limits together", loadCompiledSafetyRules],
  ["limits and instruments together (reported signs)", checkReportedSignReferences],
];

/**
 * Check every registered file (schema and citations) and run every loader once, so a server
 * starts with its knowledge validated and cached, or not at all. Returns the check's report (with
 * the records past their review date); throws KnowledgeBaseInvalid listing every problem.
 * `files` and `dataDir` are for tests; the loaders always read the real files.
 */
export function loadKnowledgeBase(
  now: Date,
  files: readonly KnowledgeFile[] = knowledgeFiles,
  dataDir?: URL,
): KnowledgeBaseReport {
  const report = checkKnowledgeBase(now, files, dataDir);
  const problems = report.files.flatMap((f) => f.errors.map((e) => `${f.file}: ${e}`));
  if (problems.length === 0) {
    for (const [file, load] of loaders) {
      try {
        load();
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message.split("\n").slice(0, 8).join(" ")}`);
      }
    }
  }
  if (problems.length > 0) throw new KnowledgeBaseInvalid(problems);
  return report;
}
