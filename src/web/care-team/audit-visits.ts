import type { AuditEntry } from "./types.ts";

/** Entries by one person this close together belong to one visit. */
const VISIT_GAP_MS = 30 * 60_000;

/** What each kind of record is called for the person whose record it is. */
const NOUNS: Record<string, string> = {
  assessment: "check-in",
  clinical_note: "note",
  care_link: "care team link",
  check_in_acknowledgement: "check-in",
  ingestion: "dose",
  product: "product",
  plan: "plan",
  timeline: "timeline",
  triage_summary: "summary",
  user: "account",
  "export.pdf": "record",
  "export.fhir": "record",
  "export.csv": "record",
};

/** Nouns read as many ("viewed your check-ins"); the rest are one ("viewed your timeline"). */
const COUNTABLE = new Set(["check-in", "note", "dose", "product", "plan"]);

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

/** One action on one's data, in words ("viewed your timeline", "added a check-in"). */
export function describeEntry(e: Pick<AuditEntry, "action" | "entity">): string {
  const noun = NOUNS[e.entity] ?? e.entity.replaceAll("_", " ");
  if (e.entity === "triage_summary" && e.action === "read") return "saw you on their dashboard";
  if (e.entity === "check_in_acknowledgement") return "marked a check-in as seen";
  if (e.entity === "care_link" && e.action === "create") return "joined your care team";
  if (e.entity.startsWith("export.") && e.action === "read") {
    return `downloaded your ${noun} as ${e.entity.slice("export.".length).toUpperCase()}`;
  }
  if (e.action === "read") return `viewed your ${COUNTABLE.has(noun) ? `${noun}s` : noun}`;
  if (e.action === "create") return `added ${withArticle(noun)}`;
  if (e.action === "update") return `changed ${withArticle(noun)}`;
  if (e.action === "end") return `ended ${withArticle(noun)}`;
  if (e.action === "delete") return `removed ${withArticle(noun)}`;
  return `${e.action.replaceAll("_", " ")} ${noun}`;
}

/** One person's visit: what they did, said once each with how many times. */
export interface AuditVisit {
  key: string;
  actorName: string;
  /** First and last entry of the visit. */
  from: string;
  to: string;
  /** "viewed your timeline (3 times)", in the order first done. */
  actions: string[];
  entries: number;
}

/**
 * Groups an audit trail (newest first) into visits: entries by the same person with no more than
 * half an hour between one and the next. Newest visit first.
 */
export function groupVisits(entries: readonly AuditEntry[]): AuditVisit[] {
  const groups: AuditEntry[][] = [];
  for (const entry of entries) {
    const current = groups.at(-1);
    const last = current?.at(-1);
    const sameVisit =
      last !== undefined &&
      last.actorId === entry.actorId &&
      Date.parse(last.at) - Date.parse(entry.at) <= VISIT_GAP_MS;
    if (current && sameVisit) current.push(entry);
    else groups.push([entry]);
  }
  return groups.map((group) => {
    const oldestFirst = [...group].reverse();
    const counts = new Map<string, number>();
    for (const e of oldestFirst) {
      const words = describeEntry(e);
      counts.set(words, (counts.get(words) ?? 0) + 1);
    }
    const first = oldestFirst[0] as AuditEntry;
    const last = group[0] as AuditEntry;
    return {
      key: first.id,
      actorName: first.actorName ?? first.actorEmail ?? "A deleted account",
      from: first.at,
      to: last.at,
      actions: [...counts].map(([words, n]) => (n === 1 ? words : `${words} (${n} times)`)),
      entries: group.length,
    };
  });
}
