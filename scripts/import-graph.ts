/**
 * The import graph of src/, folder by folder: which layer or feature folder
 * imports which. tests/unit/layers.test.ts asserts it has no cycle and no
 * upward edge; `npx tsx scripts/import-graph.ts [src-dir]` prints it.
 *
 * Folders: app (routes, and the root files such as proxy.ts), features/<name>,
 * and the shared layers components, server, i18n, lib, generated (Prisma).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";

export type FolderGraph = Map<string, Set<string>>;

/** Higher imports lower, never the reverse: app → features → components, server → i18n → lib, generated. */
const rank: Record<string, number> = { app: 5, features: 4, components: 3, server: 3, i18n: 2, lib: 1, generated: 1 };

export function layerRank(folder: string): number {
  return rank[folder.split("/")[0]] ?? rank.app;
}

/** The folder a path (relative to src/, "/"-separated) belongs to. */
export function folderOf(relative: string): string {
  const [top, second] = relative.split("/");
  if (top === "features" && second) return `features/${second}`;
  return top in rank && relative.includes("/") ? top : "app";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every local import under `srcDir`: the importing file and the imported path, both relative to `srcDir`. */
function localImports(srcDir: string): { file: string; specifier: string; target: string }[] {
  return sourceFiles(srcDir).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles.map(({ fileName: specifier }) => {
        let target: string;
        if (specifier.startsWith("@/")) target = path.join(srcDir, specifier.slice(2));
        else if (specifier.startsWith(".")) target = path.resolve(path.dirname(file), specifier);
        else return null; // a package
        const relative = (to: string) => path.relative(srcDir, to).split(path.sep).join("/");
        return { file: relative(file), specifier, target: relative(target) };
      })
      .filter((entry) => entry !== null),
  );
}

/** Imports that leave `srcDir` (into scripts/, tests/…): the product must not depend on its tooling. */
export function importsLeavingSrc(srcDir: string): string[] {
  return localImports(srcDir)
    .filter(({ target }) => target.startsWith("../"))
    .map(({ file, specifier }) => `${file} imports ${specifier}`);
}

/** Folder → folders it imports (itself left out), read from every import, export … from and import() under `srcDir`. */
export function folderGraph(srcDir: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(path.relative(srcDir, file).split(path.sep).join("/"));
    if (!graph.has(from)) graph.set(from, new Set<string>());
  }
  for (const { file, target } of localImports(srcDir)) {
    if (target.startsWith("../")) continue; // outside src/: refused by importsLeavingSrc, not a layer
    const from = folderOf(file);
    const to = folderOf(target);
    if (to !== from) graph.get(from)!.add(to);
  }
  return graph;
}

/** Every cycle between folders, each as the folders in order (strongly connected components of two or more). */
export function folderCycles(graph: FolderGraph): string[][] {
  // Tarjan's algorithm: small graphs, so recursion is fine.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Edges from a lower layer to a higher one ("server → features/payments"). */
export function upwardEdges(graph: FolderGraph): string[] {
  return [...graph].flatMap(([from, targets]) =>
    [...targets].filter((to) => layerRank(to) > layerRank(from)).map((to) => `${from} → ${to}`),
  );
}

export function describeGraph(graph: FolderGraph): string {
  return [...graph.keys()]
    .sort((a, b) => layerRank(b) - layerRank(a) || a.localeCompare(b))
    .map((from) => `${from} → ${[...graph.get(from)!].sort().join(", ") || "(nothing)"}`)
    .join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Another checkout's src/ as the argument (to compare with main), else this one's.
  const graph = folderGraph(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src"));
  console.log(describeGraph(graph));
  console.log(
    `cycles: ${
      folderCycles(graph)
        .map((cycle) => cycle.join(" ↔ "))
        .join("; ") || "none"
    }`,
  );
  console.log(`upward edges: ${upwardEdges(graph).join("; ") || "none"}`);
}
