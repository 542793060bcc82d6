export * from "./alkaloid-caps.ts";
export * from "./certificate.ts";
export * from "./check-coa.ts";
export * from "./coa-limits.ts";
export * from "./finding.ts";
export * from "./strain-name-note.ts";
