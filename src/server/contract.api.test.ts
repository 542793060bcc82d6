import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../api/contract.ts";
import { ApiClient, startTestServer, type TestServer } from "../testing/test-server.ts";
import { handledRoutes, routeKey } from "./http/handle.ts";

/**
 * The contract (src/api/contract.ts) and the server agree: every route it declares has a
 * handler registered by name, and the server documents (so serves) no API route it does not.
 */
describe("the API contract", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => server?.close());

  const declared = Object.values(contract).map(routeKey).sort();

  it("names each method and path once", () => {
    expect(declared.filter((key, i) => declared.indexOf(key) !== i)).toEqual([]);
  });

  it("has a handler for every route it declares, and the server handles no other", () => {
    const handled = [...handledRoutes(server.app)].sort();
    expect({
      declaredNotHandled: declared.filter((key) => !handled.includes(key)),
      handledNotDeclared: handled.filter((key) => !declared.includes(key)),
    }).toEqual({ declaredNotHandled: [], handledNotDeclared: [] });
  });

  it("is what the OpenAPI document lists, operation for operation", async () => {
    const doc = await new ApiClient(server.baseUrl).get("/api/openapi.json");
    expect(doc.status).toBe(200);
    const documented = Object.entries(doc.body.paths as Record<string, object>)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`,
        ),
      )
      .sort();
    expect(declared.filter((op) => !documented.includes(op))).toEqual([]);
    expect(documented.filter((op) => !declared.includes(op))).toEqual([]);
  });
});
