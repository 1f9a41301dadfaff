// The paths a Markdown page names, and whether they exist: shared by the README's test and the docs' test.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** The folders a path written from the repository's root starts with (the README names these). */
export const ROOTED_FOLDERS = ["src", "scripts", "tests", "e2e", "docs", "prisma", "packages", "examples"];

const rootedPattern = (folders: string[]) => new RegExp(`^(${folders.join("|")})/`);
const BARE_FILE = /^[\w./-]+\.(md|ts|tsx|mjs|json|prisma)$/;
/** Globs and placeholders (`tests/**`, `{id}`, `<size>`, `…`) name no one file. */
const PLACEHOLDER = /[*{}<>…]/;

/** Backticked text without spaces (`src/lib/money.ts`, `money.ts`, `npm`, …). */
export const backticked = (markdown: string): string[] =>
  [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]);

/** Link targets, as written (`[text](target)`). */
export const linkTargets = (markdown: string): string[] =>
  [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);

/** A rooted path (`src/…`, `scripts/…`, …) or a bare file name (`pdf-layout.ts`, `components/x.tsx`, `AGENTS.md`). */
export function isPath(candidate: string, folders = ROOTED_FOLDERS): boolean {
  return (rootedPattern(folders).test(candidate) || BARE_FILE.test(candidate)) && !PLACEHOLDER.test(candidate);
}

/**
 * Backticked paths and relative link targets, read from the repository's root: what the README names
 * (it sits at the root, so its links are written from there too).
 */
export function pathsIn(markdown: string, folders = ROOTED_FOLDERS): string[] {
  return [...new Set([...backticked(markdown), ...linkTargets(markdown)])].filter((candidate) =>
    isPath(candidate, folders),
  );
}

/** Every file under `dir` (relative to the root, with `/`), Prisma's generated client left out. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "src/generated" ? [] : filesUnder(relative);
    return [relative];
  });
}

/** The files a bare name may be the end of. */
export const repositoryFiles = (): string[] => ROOTED_FOLDERS.flatMap(filesUnder);

/** A rooted path must exist as written; a bare name must be the end of some file's path (e.g. a feature's file). */
export function exists(candidate: string, files: string[], folders = ROOTED_FOLDERS): boolean {
  const rooted = rootedPattern(folders).test(candidate);
  if (rooted || !candidate.includes("/")) {
    if (fs.existsSync(path.join(ROOT, candidate))) return true;
    if (rooted) return false;
  }
  return files.some((file) => file.endsWith(`/${candidate}`));
}

/**
 * The relative link targets of a page in `folder` (relative to the root), each resolved from that folder,
 * without its #fragment: web addresses, in-page anchors and site paths (`/dashboard`) are left out.
 */
export function relativeLinks(markdown: string, folder: string): { target: string; resolved: string }[] {
  return linkTargets(markdown)
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith("#") && !target.startsWith("/"))
    .map((target) => ({ target, resolved: path.posix.normalize(path.posix.join(folder, target.split("#")[0])) }));
}
