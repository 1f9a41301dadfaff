// npm run bench -- --profile: a V8 .cpuprofile summarised per request. Next.js ships its
// server runtime (React's RSC and HTML renderers, Next's app renderer) as one minified file
// with a source map, so each sample's position is mapped back to its original source file and
// function name; the source file says which part of the stack the time belongs to.
import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * The part of the stack a function belongs to, from its original source file (and the bundle
 * it runs from): first match wins. Next's runtime bundle holds React's renderers and Next's
 * own sources ("src/server/…" relative to the next package), so React is matched first.
 */
const PARTS = [
  ["React: RSC payload (Flight serialisation)", /react-server-dom-[\w-]+-server\.|ReactFlightServer/],
  ["React: reading the RSC payload for the HTML (Flight client)", /react-server-dom-[\w-]+-client\.|ReactFlightClient/],
  ["React: HTML rendering (Fizz)", /react-dom-server|react-dom\/[\w/]*server|ReactFizz/],
  ["React: other", /\/react(-dom)?\/|react\.production|react-jsx/],
  ["Prisma", /@prisma|\/generated\/prisma|prisma\/client|query-plan-executor|wasm:\/\//],
  // The app's statement cache runs SQLite's own work (better-sqlite3's native calls) from its `all()`/`run()`.
  ["SQLite driver", /better-sqlite3|src\/server\/db\/sqlite-statements/],
  ["Session (iron-session)", /iron-session|iron-webcrypto|uncrypto/],
  ["next-intl, ICU messages", /next-intl|use-intl|intl-messageformat|@formatjs|%40formatjs/],
  ["zod", /\/zod\//],
  ["Icons (@fluentui/react-icons)", /fluentui|%40fluentui/],
  ["Next.js server", /webpack:\/\/next\/|next\/dist|next\/src|\[turbopack\]|^turbopack:|node_modules\/next\//],
  ["App code (src/)", /^(\.\.\/)+src\/|\[project\]\/src\//],
  ["Other packages", /node_modules/],
  ["Node.js internals", /^node:|internal\//],
];

const maps = new Map();
/** The source map of a bundled file (`file.js.map` beside it), or null. */
function sourceMapOf(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.startsWith("/") && fs.existsSync(`${file}.map`))
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** Where a profile node's function comes from: original file and name where a source map says. */
function origin(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) return { file: functionName, name: functionName || "(anonymous)" };
  const map = sourceMapOf(url);
  // V8's positions are 0-based; findOrigin takes them 1-based.
  const found = map && lineNumber >= 0 ? map.findOrigin(lineNumber + 1, columnNumber + 1) : null;
  if (found && found.fileName)
    return { file: found.fileName, name: found.name || functionName || "(anonymous)", mapped: true };
  return { file: url, name: functionName || "(anonymous)" };
}

function partOf(where, url) {
  if (where.file === "(garbage collector)") return "Garbage collection";
  if (!url) return "V8 builtins and native I/O (no source)";
  // Next's own files map to paths like "../../src/server/…": only React is told apart in them.
  const fromNext = /node_modules\/next\//.test(url);
  for (const [part, pattern] of PARTS) {
    if (fromNext && !part.startsWith("React")) break;
    if (pattern.test(where.file)) return part;
  }
  // A file of Next's runtime bundle that none of the above claims is Next's own.
  if (/node_modules\/next\//.test(url)) return "Next.js server";
  return "Other";
}

const shortFile = (file) =>
  file
    .replace(/^.*node_modules\//, "")
    .replace(/^(\.\.\/)+src\//, "src/")
    .replace(/^file:\/\//, "");

/**
 * Self time by part and by function, per request, of the samples after `skipMs` (start-up and
 * warm-up left out). `requests`: how many requests the kept samples served.
 */
export function summariseProfile(profile, { skipMs: skip = 0, keepLastMs, requests = 1, top = 25 } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // keepLastMs: only the profile's last milliseconds (the measured load, whatever the start-up took).
  const totalMs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000;
  const skipMs = keepLastMs === undefined ? skip : Math.max(0, totalMs - keepLastMs);
  const selfUs = new Map();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t / 1000 < skipMs) continue;
    // A sample's time is the gap to the next one.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  // Total time (self and callees) of the app's own functions: which component or query costs what.
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const appTotalUs = new Map();
  for (const [id, us] of selfUs) {
    const counted = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const { callFrame } = nodes.get(at);
      if (!/\/\.next\//.test(callFrame.url)) continue;
      const where = origin(callFrame);
      if (partOf(where, callFrame.url) !== "App code (src/)") continue;
      const key = `${where.name} (${shortFile(where.file)})`;
      if (counted.has(key)) continue;
      counted.add(key);
      appTotalUs.set(key, (appTotalUs.get(key) ?? 0) + us);
    }
  }
  const parts = new Map();
  const functions = new Map();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === "(idle)") continue;
    busyUs += us;
    const where = origin(callFrame);
    const part = partOf(where, callFrame.url);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const key = `${where.name} (${shortFile(where.file)})`;
    const entry = functions.get(key) ?? { name: where.name, file: shortFile(where.file), part, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const perRequest = (us) => Math.round((us / 1000 / requests) * 100) / 100;
  const share = (us) => Math.round((us / busyUs) * 1000) / 10;
  return {
    cpuMsPerRequest: perRequest(busyUs),
    parts: [...parts]
      .sort((a, b) => b[1] - a[1])
      .map(([part, us]) => ({ part, msPerRequest: perRequest(us), percent: share(us) })),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ us, ...entry }) => ({ ...entry, msPerRequest: perRequest(us), percent: share(us) })),
    appFunctions: [...appTotalUs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ function: fn, totalMsPerRequest: perRequest(us), percent: share(us) })),
  };
}

// By hand: node scripts/bench/profile-summary.mjs <file.cpuprofile> [requests] [last ms to keep]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, requests = "1", skipMs = "0"] = process.argv.slice(2);
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(
    JSON.stringify(summariseProfile(profile, { requests: Number(requests), skipMs: Number(skipMs) }), null, 2),
  );
}
