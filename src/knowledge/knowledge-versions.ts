import { readFileSync } from "node:fs";
import { type KnowledgeFile, knowledgeFiles } from "./registry.ts";

/** The header of one knowledge file: which version of the data is in use and when it was checked. */
export interface KnowledgeFileVersion {
  file: string;
  version: string;
  as_of: string;
}

/**
 * Version and `as_of` of every registered knowledge file, read from the files' headers. Throws
 * when a file cannot be read or has no header (checkKnowledgeBase reports why).
 */
export function knowledgeVersions(
  files: readonly KnowledgeFile[] = knowledgeFiles,
  dataDir: URL = new URL("./data/", import.meta.url),
): KnowledgeFileVersion[] {
  return files.map(({ file }) => {
    const data: unknown = JSON.parse(readFileSync(new URL(file, dataDir), "utf8"));
    const header = data as { version?: unknown; as_of?: unknown };
    if (typeof header.version !== "string" || typeof header.as_of !== "string") {
      throw new Error(`${file}: no version or as_of in its header`);
    }
    return { file, version: header.version, as_of: header.as_of };
  });
}
