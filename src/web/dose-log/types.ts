import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import type { Catalog } from "../use-catalog.ts";

/** The dose log's data as the contract (src/api/dose-log.ts) says the server answers it. */

export type PickableClass = Catalog["pickableClasses"][number];
export type Product = RouteOutput<typeof contract.getProduct>["product"];
export type ProductForm = Product["form"];
export type CustomSubstance = RouteOutput<typeof contract.createCustomSubstance>["customSubstance"];
export type IngestionResponse = RouteOutput<typeof contract.getIngestion>;
export type IngestionView = IngestionResponse["ingestion"];
export type RecentSubject = RouteOutput<typeof contract.listRecentSubjects>["recent"][number];
export type TodaySummary = RouteOutput<typeof contract.getToday>;
export type ExposureView = NonNullable<TodaySummary["exposure"]>;
export type ExposurePoint = ExposureView["points"][number];
