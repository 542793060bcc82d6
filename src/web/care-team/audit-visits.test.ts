import { describe, expect, it } from "vitest";
import { describeEntry, groupVisits } from "./audit-visits.ts";
import type { AuditEntry } from "./types.ts";

let n = 0;
const entry = (at: string, actorId: string, action: string, entity: string): AuditEntry => ({
  id: `e${++n}`,
  at,
  actorId,
  actorName: actorId === "dr" ? "Dr Okafor" : "Ada Admin",
  actorEmail: null,
  actorRole: null,
  subjectId: "p",
  subjectName: null,
  subjectEmail: null,
  action,
  entity,
  entityId: null,
  address: null,
  details: null,
});

describe("audit visits", () => {
  it("words each action plainly, with the right article", () => {
    expect(describeEntry({ action: "create", entity: "assessment" })).toBe("added a check-in");
    expect(describeEntry({ action: "create", entity: "ingestion" })).toBe("added a dose");
    expect(describeEntry({ action: "read", entity: "timeline" })).toBe("viewed your timeline");
    expect(describeEntry({ action: "read", entity: "assessment" })).toBe("viewed your check-ins");
    expect(describeEntry({ action: "read", entity: "export.pdf" })).toBe(
      "downloaded your record as PDF",
    );
    expect(describeEntry({ action: "create", entity: "care_link" })).toBe("joined your care team");
  });

  it("groups one person's entries within half an hour into one visit", () => {
    // Newest first, as the API answers.
    const trail = [
      entry("2026-12-02T12:00:00Z", "admin", "read", "user"),
      entry("2026-12-02T10:20:00Z", "dr", "read", "timeline"),
      entry("2026-12-02T10:10:00Z", "dr", "create", "assessment"),
      entry("2026-12-02T10:05:00Z", "dr", "read", "timeline"),
      entry("2026-12-02T10:00:00Z", "dr", "read", "timeline"),
      entry("2026-12-02T08:00:00Z", "dr", "read", "timeline"),
    ];
    const visits = groupVisits(trail);
    expect(visits.map((v) => [v.actorName, v.entries])).toEqual([
      ["Ada Admin", 1],
      ["Dr Okafor", 4],
      ["Dr Okafor", 1],
    ]);
    expect(visits[1]).toMatchObject({
      from: "2026-12-02T10:00:00Z",
      to: "2026-12-02T10:20:00Z",
      actions: ["viewed your timeline (3 times)", "added a check-in"],
    });
  });
});
