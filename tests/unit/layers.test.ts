import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

import {
  describeGraph,
  folderCycles,
  folderGraph,
  importsLeavingSrc,
  upwardEdges,
  type FolderGraph,
} from "../../scripts/import-graph";

const root = path.resolve(__dirname, "../..");

describe("the import graph of src/, folder by folder", () => {
  const graph = folderGraph(path.join(root, "src"));

  it("is read from the real imports", () => {
    expect(graph.get("features/payments")).toContain("features/access");
    expect(graph.get("app")).toContain("features/invoices");
    expect(graph.get("server")).toContain("generated");
  });

  it("has no cycle between folders", () => {
    expect(folderCycles(graph), describeGraph(graph)).toEqual([]);
  });

  it("has no edge from a lower layer to a higher one", () => {
    expect(upwardEdges(graph), describeGraph(graph)).toEqual([]);
  });

  it("has no import that leaves src/ (the product never imports its tooling)", () => {
    expect(importsLeavingSrc(path.join(root, "src"))).toEqual([]);
  });

  it("finds an import that leaves src/, from .ts and .mjs alike", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-graph-"));
    fs.mkdirSync(path.join(dir, "src", "server"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "server", "a.ts"), 'import { x } from "../../scripts/x.mjs";\n');
    fs.writeFileSync(path.join(dir, "src", "server", "b.mjs"), 'export { y } from "../../tests/y";\n');
    fs.writeFileSync(path.join(dir, "src", "server", "c.ts"), 'import { a } from "./a";\n');
    try {
      expect(importsLeavingSrc(path.join(dir, "src")).sort()).toEqual([
        "server/a.ts imports ../../scripts/x.mjs",
        "server/b.mjs imports ../../tests/y",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the graph checks themselves", () => {
  // main before the layers were enforced, as measured: three folder cycles and server importing a feature.
  const before: FolderGraph = new Map([
    ["features/access", new Set(["features/invoices", "features/portal", "server"])],
    ["features/invoices", new Set(["features/access", "server", "lib"])],
    ["features/payments", new Set(["features/access", "features/invoices", "server"])],
    ["features/portal", new Set(["features/access", "server"])],
    ["server", new Set(["features/payments", "lib"])],
    ["lib", new Set<string>()],
  ]);

  it("find the cycles", () => {
    expect(folderCycles(before)).toEqual([
      ["features/access", "features/invoices", "features/payments", "features/portal", "server"],
    ]);
    const pairs = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["a"])],
      ["c", new Set(["a"])],
    ]);
    expect(folderCycles(pairs)).toEqual([["a", "b"]]);
  });

  it("find the upward edge", () => {
    expect(upwardEdges(before)).toEqual(["server → features/payments"]);
  });
});

// ESLint loads the whole config (Next's, TypeScript's, the resolver) on its first file: seconds on a
// loaded machine, so that happens once here, with room to spare, and each case then lints one snippet.
describe("the boundaries lint rule (eslint.config.mjs)", { timeout: 60_000 }, () => {
  let eslint: ESLint;
  beforeAll(async () => {
    eslint = new ESLint({ cwd: root });
    await eslint.lintText("export {};\n", { filePath: path.join(root, "src/lib/warm-up.ts") });
  }, 180_000);

  /** The boundaries errors ESLint reports for `code` as if it were the file `file`. */
  async function boundaryErrors(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result.messages
      .filter((message) => message.ruleId === "boundaries/dependencies")
      .map((message) => message.message);
  }

  it("refuses server code importing a feature", async () => {
    const errors = await boundaryErrors(
      "src/server/demo/fixture.ts",
      'import { cardProcessor } from "@/features/payments/processor/simulated";\nexport const processor = cardProcessor;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^server may not import this feature module/);
  });

  it("refuses lib and components importing upward", async () => {
    expect(
      await boundaryErrors("src/lib/fixture.ts", 'import { db } from "@/server/db";\nexport const x = db;\n'),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        "src/components/ui/fixture.tsx",
        'import { requireUser } from "@/features/access/session";\nexport const x = requireUser;\n',
      ),
    ).toHaveLength(1);
  });

  it("refuses a feature edge that would close a cycle (access → portal)", async () => {
    const errors = await boundaryErrors(
      "src/features/access/fixture.ts",
      'import { addNotification } from "@/features/portal/notifications";\nexport const x = addNotification;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("refuses another feature's private module, allows its public one", async () => {
    expect(
      await boundaryErrors(
        "src/features/invoices/fixture.ts",
        'import { SignInForm } from "@/features/access/components/sign-in-form";\nexport const x = SignInForm;\n',
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        "src/features/invoices/fixture.ts",
        'import { requireBillingScope } from "@/features/access/scope";\nexport const x = requireBillingScope;\n',
      ),
    ).toEqual([]);
  });

  it("refuses an import that leaves src/ (no-restricted-imports), in components too", async () => {
    for (const file of ["src/server/db/fixture.ts", "src/features/payments/components/fixture.tsx"]) {
      const [result] = await eslint.lintText('import { x } from "../../../scripts/lib/x.mjs";\nexport const y = x;\n', {
        filePath: path.join(root, file),
      });
      expect(result.messages.map((message) => message.ruleId)).toContain("no-restricted-imports");
    }
  });

  it("keeps the database client out of components (no-restricted-imports)", async () => {
    const [result] = await eslint.lintText('import { db } from "@/server/db";\nexport const x = db;\n', {
      filePath: path.join(root, "src/features/payments/components/fixture.tsx"),
    });
    expect(result.messages.map((message) => message.ruleId)).toContain("no-restricted-imports");
  });

  it('keeps the database client out of "use server" files, and only out of them', async () => {
    const ruleIds = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
      return result.messages.map((message) => message.ruleId);
    };
    const rule = "local/server-actions-keep-off-the-database";
    expect(
      await ruleIds(
        "src/features/portal/fixture.ts",
        '"use server";\n\nimport { db } from "@/server/db";\nexport async function x() {\n  return db;\n}\n',
      ),
    ).toContain(rule);
    expect(
      await ruleIds(
        "src/features/portal/fixture.ts",
        '"use server";\n\nimport type { Tx } from "../../server/db/client";\nexport type X = Tx;\n',
      ),
    ).toContain(rule);
    expect(
      await ruleIds("src/features/portal/fixture.ts", 'import { db } from "@/server/db";\nexport const x = db;\n'),
    ).not.toContain(rule);
  });

  it("lets routes use features and a feature use its own modules", async () => {
    expect(
      await boundaryErrors(
        "src/app/(portal)/fixture/page.tsx",
        'import { PayNowBlade } from "@/features/payments/components/pay-now-blade";\nexport const x = PayNowBlade;\n',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        "src/features/payments/fixture.ts",
        'import { settlePayment } from "./settle-payment";\nexport const x = settlePayment;\n',
      ),
    ).toEqual([]);
  });
});
