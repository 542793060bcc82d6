import { recordReview } from "../knowledge/kb-review.ts";
import type { KnowledgeFile } from "../knowledge/registry.ts";

export interface KbReviewOptions {
  id: string | undefined;
  source: string | undefined;
  by: string | undefined;
  on?: string | undefined;
  file?: string | undefined;
  now: Date;
  files?: readonly KnowledgeFile[];
  dataDir?: URL;
  print?: (line: string) => void;
}

const USAGE = "usage: mitra kb review ID --source URL --by NAME [--on YYYY-MM-DD] [--file FILE]";

/**
 * `mitra kb review ID --source URL --by NAME`: record that NAME compared the record with the
 * source it cites at URL. Returns the exit code: 0 when recorded, 1 when refused (nothing written).
 */
export function runKbReview(options: KbReviewOptions): number {
  const print = options.print ?? ((line: string) => console.log(line));
  const { id, source, by } = options;
  if (!id || !source || !by) {
    print(`error: a review needs the record ID, --source (what it was compared with) and --by`);
    print(USAGE);
    return 1;
  }
  const result = recordReview(
    {
      id,
      source,
      by,
      ...(options.on !== undefined ? { on: options.on } : {}),
      ...(options.file !== undefined ? { file: options.file } : {}),
    },
    options.now,
    options.files,
    options.dataDir,
  );
  if (!result.ok) {
    print(`error: ${result.error}`);
    return 1;
  }
  print(
    `Recorded: ${result.file} ${result.id} reviewed on ${result.reviewed.on} by ${result.reviewed.by} against ${result.reviewed.source}.`,
  );
  return 0;
}
