// The OpenAPI 3.1 document of the simulator's own routes (src/app/api/openapi.json/openapi.json), and a check that
// a real Response matches the operation's documented answer: its status is documented, and its JSON body is valid
// against that status's schema (Ajv, JSON Schema draft 2020-12, the dialect of OpenAPI 3.1).
import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";

import document from "@/app/api/openapi.json/openapi.json";

export const openApiDocument = document;

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
const paths = document.paths as unknown as Record<string, Record<string, Operation>>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The whole document as one schema resource, so the operations' "#/components/schemas/…" references resolve.
ajv.addSchema({ ...document, $id: "openapi" });

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Asserts the response is what the document says `method path` answers (reads a clone: the body stays unread). */
export async function expectResponseMatches(response: Response, method: string, path: string): Promise<void> {
  const operation = paths[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is in the OpenAPI document`).toBeDefined();
  const status = String(response.status);
  const documented = operation!.responses[status];
  expect(documented, `${method.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  const text = await response.clone().text();
  if (!documented!.content) {
    expect(text, `${method.toUpperCase()} ${path} ${status} has no body`).toBe("");
    return;
  }
  const validate = ajv.getSchema(
    `openapi#/${pointer("paths", path, method, "responses", status, "content", "application/json", "schema")}`,
  )!;
  const valid = validate(JSON.parse(text));
  expect(
    valid,
    `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`,
  ).toBe(true);
}
