export {
  type CompiledRules,
  compileRules,
  type PairVerdict,
  type ResolvedSubstance,
} from "./compile.ts";
export { compiledFor, evaluate } from "./evaluate.ts";
export { pickableClasses, resolveSubstanceDefinition } from "./substance-lookup.ts";
export * from "./types.ts";
