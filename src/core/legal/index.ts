export * from "./jurisdiction.ts";
export * from "./resolve-jurisdiction.ts";
export * from "./search-jurisdictions.ts";
export * from "./staleness.ts";
export * from "./strictness.ts";
