import type { CoaLimits } from "../core/coa/coa-limits.ts";

const source = [{ title: "Test source", url: "https://example.org/limits" }];
const rule = { sources: source, as_of: "2026-01-01", verified: true };

/** Made-up limits shaped like the real data, so the tests do not depend on data values. */
export const testLimits: CoaLimits = {
  seven_oh_caps: [
    {
      id: "cap-2pct",
      basis: "share_of_alkaloids",
      max_percent: 2,
      exceeded_status: "fail",
      title: "2% cap",
      applies_to: "Test act",
      advice: "Too much 7-OH.",
      ...rule,
    },
    {
      id: "weight-cap",
      basis: "share_of_product_weight",
      max_percent: 0.04,
      exceeded_status: "warning",
      title: "Weight cap",
      applies_to: "Test rule",
      advice: "Concentrated.",
      ...rule,
    },
  ],
  heavy_metals: [
    {
      id: "lead",
      element: "lead",
      daily_limit_ug: 5,
      limit_name: "test lead limit",
      ...rule,
      other_limits: [
        {
          id: "label",
          daily_limit_ug: 0.5,
          limit_name: "test label threshold",
          exceeded_status: "warning",
          meaning: "Label needed.",
          sources: source,
          verified: true,
        },
      ],
    },
    { id: "arsenic", element: "arsenic", daily_limit_ug: 15, limit_name: "test", ...rule },
    { id: "cadmium", element: "cadmium", daily_limit_ug: 5, limit_name: "test", ...rule },
    { id: "mercury", element: "mercury", daily_limit_ug: 15, limit_name: "test", ...rule },
  ],
  microbial: [
    {
      id: "salmonella",
      organism: "Salmonella",
      kind: "absence",
      title: "Salmonella",
      advice: "x",
      ...rule,
    },
    { id: "e-coli", organism: "E. coli", kind: "absence", title: "E. coli", advice: "x", ...rule },
    {
      id: "total-aerobic-count",
      organism: "aerobes",
      kind: "max_cfu_per_g",
      max_cfu_per_g: { "dried-botanical": 100000, "botanical-extract": 10000 },
      title: "Total aerobic count",
      advice: "x",
      ...rule,
    },
    {
      id: "yeast-mould",
      organism: "yeasts and moulds",
      kind: "max_cfu_per_g",
      max_cfu_per_g: { "dried-botanical": 1000, "botanical-extract": 1000 },
      title: "Yeast and mould",
      advice: "x",
      ...rule,
    },
  ],
  certificate_details: { problem_status: "warning", advice: "Name the batch.", ...rule },
  marketing_names: {
    terms: ["Maeng Da", "Bali", "red vein", "red"],
    message: "Trade names.",
    ...rule,
  },
};
