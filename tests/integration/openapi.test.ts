// The OpenAPI 3.1 document of the simulator's own routes: valid by a well-kept validator (@readme/openapi-parser),
// served at GET /api/openapi.json, and covering every route of the control API, payments and payment methods — no
// more, no fewer. (The real answers are checked against it where those routes are tested: tests/support/openapi.ts.)
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";

import { GET as openApiRoute } from "@/app/api/openapi.json/route";

import { expectResponseMatches, openApiDocument } from "../support/openapi";

/** Route files under a folder of src/app, as OpenAPI paths ("[worldId]" → "{worldId}"). */
function routePaths(folder: string): string[] {
  const root = path.join(process.cwd(), "src/app");
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name === "route.ts" ? [`/${path.relative(root, dir).split(path.sep).join("/")}`] : [];
    });
  return walk(path.join(root, folder)).map((route) => route.replace(/\[(\w+)\]/g, "{$1}"));
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(openApiDocument) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("documents exactly the simulator's own routes: /api/sim/…, payments, payment methods and itself", () => {
    const routes = [
      ...routePaths("api/sim"),
      ...routePaths("api/billing").filter((route) => /\/(payments|payment-methods)$/.test(route)),
      "/api/openapi.json",
    ].sort();
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(routes);
  });

  it("is served at GET /api/openapi.json", async () => {
    const response = openApiRoute();
    await expectResponseMatches(response, "get", "/api/openapi.json");
    expect(await response.json()).toEqual(openApiDocument);
  });
});
