export * from "./claims-by-topic.ts";
export * from "./evidence-claim.ts";
export * from "./first-line-care.ts";
export * from "./search-evidence.ts";
