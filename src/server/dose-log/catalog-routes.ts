import { contract } from "../../api/contract.ts";
import { PRODUCT_FORMS } from "../../core/product-form.ts";
import { pickableClasses, resolveSubstanceDefinition } from "../../core/safety/substance-lookup.ts";
import { ROUTES } from "../../core/safety/types.ts";
import {
  type CustomSubstanceRecord,
  insertCustomSubstance,
  listCustomSubstances,
} from "../../db/custom-substances.ts";
import substancesFile from "../../knowledge/data/substances.json" with { type: "json" };
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import type { DoseLogKnowledge } from "./knowledge.ts";
import { FORM_SUBSTANCE } from "./product-forms.ts";

/** The public substance catalog, and the custom substances a person adds with a class. */
export async function catalogRoutes(app: App, knowledge: DoseLogKnowledge): Promise<void> {
  const { rules } = knowledge;
  const db = app.mitra.db;
  const pickable = pickableClasses(rules);
  const pickableIds = new Set(pickable.map((c) => c.id));

  const catalog = {
    version: substancesFile.version,
    asOf: substancesFile.as_of,
    substances: rules.rules.substances.map((s) => ({
      id: s.id,
      name: s.name,
      aliases: s.aliases,
      classes: s.classes,
      units: s.units,
      routes: s.routes,
      canonicalUnit: s.canonical.unit,
      pool: s.canonical.pool ?? s.id,
      doseReferences: s.doseReferences ?? [],
      timeCourses: s.timeCourses ?? [],
      ...(s.note !== undefined ? { note: s.note } : {}),
      sources: s.sources,
    })),
    pickableClasses: pickable.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      units: c.units ?? [],
      routes: c.routes ?? [],
    })),
    conditions: rules.rules.conditions.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
    })),
    productForms: PRODUCT_FORMS.map((form) => ({ form, substanceId: FORM_SUBSTANCE[form] })),
    routes: [...ROUTES],
  };

  const customView = (c: CustomSubstanceRecord) => ({
    id: c.id,
    name: c.name,
    classId: c.classId,
    units: [
      ...(resolveSubstanceDefinition(rules, c.id, c.classId ? [c.classId] : [], c.name)?.units ??
        []),
    ],
    createdAt: c.createdAt,
  });

  handle(app, contract.getCatalog, async (_request, reply) => {
    reply.header("cache-control", "public, max-age=3600");
    return catalog;
  });

  handle(app, contract.listCustomSubstances, async (request) => {
    const user = requireUser(request);
    return { customSubstances: (await listCustomSubstances(db, user.id)).map(customView) };
  });

  handle(app, contract.createCustomSubstance, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body;
    if (body.classId !== null && !pickableIds.has(body.classId)) {
      throw invalidInput([
        {
          field: "body.classId",
          message: `pick one of: ${[...pickableIds].join(", ")}, or null if you do not know`,
        },
      ]);
    }
    const { created, record } = await insertCustomSubstance(db, {
      id: body.id,
      userId: user.id,
      name: body.name,
      classId: body.classId,
      now: app.mitra.now(),
      address: request.ip,
    });
    if (record.userId !== user.id) {
      throw new ApiError(409, "id_conflict", "This id is already used. Generate a new one.", {
        fields: [{ field: "body.id", message: "already used by another record" }],
      });
    }
    reply.status(created ? 201 : 200);
    return { customSubstance: customView(record) };
  });
}
