import type { App } from "../context.ts";
import { acknowledgementRoutes } from "./acknowledgement-routes.ts";
import { catalogRoutes } from "./catalog-routes.ts";
import { ingestionRoutes } from "./ingestions-routes.ts";
import { loadDoseLogKnowledge } from "./knowledge.ts";
import { productRoutes } from "./products-routes.ts";
import { profileRoutes } from "./profile-routes.ts";
import { todayRoutes } from "./today-routes.ts";

/**
 * The dose log: substance catalog, products, doses with their safety check, the safety profile,
 * Today, and the warnings one acknowledged for the day. The safety knowledge is loaded, validated
 * and compiled once, here, at start: a broken knowledge base stops the server from starting.
 */
export async function doseLogRoutes(app: App): Promise<void> {
  const knowledge = loadDoseLogKnowledge();
  await catalogRoutes(app, knowledge);
  await productRoutes(app, knowledge);
  await ingestionRoutes(app, knowledge);
  await profileRoutes(app, knowledge);
  await todayRoutes(app, knowledge);
  await acknowledgementRoutes(app);
}
