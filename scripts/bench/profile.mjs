// npm run bench -- --profile: where a page's server CPU goes. For each page (the bare framework
// floor, the portal floor, the grid), one `next start` of the bench's build with V8's sampling
// profiler (--cpu-prof) is loaded by autocannon, stopped, and its profile summarised:
// self time by part of the stack (React's RSC serialisation, React's HTML rendering, Next's
// server, Prisma, the app…) and the busiest functions, per request. The .cpuprofile files stay
// in bench/.work/profiles/ (open them in Chrome DevTools › Performance, or speedscope).
import fs from "node:fs";
import path from "node:path";

import { autocannonRun } from "./measure.mjs";
import { summariseProfile } from "./profile-summary.mjs";
import { freePort, startServer } from "./server.mjs";
import { DURATION, log, WARMUP, work } from "./settings.mjs";

/**
 * Profiles each of `pages` ({ key, path }) on its own server, one after the other (a profile
 * holds one process). `database` is a prepared bench database, `cookie` the admin's session.
 */
export async function profilePages({ database, cookie, pages, nodeFlags }) {
  const dir = path.join(work, "profiles");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const summaries = {};
  for (const page of pages) {
    const profileDir = path.join(dir, page.key);
    const server = await startServer(database, await freePort(), `profile-${page.key}`, [
      ...nodeFlags,
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
    ]);
    await autocannonRun({ url: server.base + page.path, headers: { cookie }, duration: WARMUP });
    const started = performance.now();
    const result = await autocannonRun({ url: server.base + page.path, headers: { cookie }, duration: DURATION });
    // Only the measured load's samples are kept (not start-up, compilation, warm-up).
    const keepLastMs = performance.now() - started;
    await server.stop();
    const file = fs.readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
    if (!file) throw new Error(`${page.key}: the server wrote no CPU profile`);
    const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8"));
    summaries[page.key] = {
      path: page.path,
      requests: result.requests.total,
      errors: result.errors + result.non2xx,
      keptMs: Math.round(keepLastMs),
      ...summariseProfile(profile, { keepLastMs, requests: result.requests.total }),
    };
    log(
      `profile ${page.key}: ${result.requests.total} requests, ${summaries[page.key].cpuMsPerRequest} ms of sampled CPU per request (${path.relative(process.cwd(), path.join(profileDir, file))})`,
    );
  }
  return summaries;
}

/** Profiles as Markdown: one table of parts per page side by side, then each page's busiest functions. */
export function profileMarkdown(summaries) {
  const keys = Object.keys(summaries);
  const parts = [...new Set(keys.flatMap((key) => summaries[key].parts.map((p) => p.part)))];
  const ms = (key, part) => summaries[key].parts.find((p) => p.part === part)?.msPerRequest ?? 0;
  parts.sort((a, b) => ms(keys.at(-1), b) - ms(keys.at(-1), a));
  const lines = [
    `| Self time, ms of CPU per request | ${keys.map((key) => `${key} (\`${summaries[key].path.replace(/\?.*/, "?…")}\`)`).join(" | ")} |`,
    `|---|${keys.map(() => "---:").join("|")}|`,
    ...parts.map((part) => `| ${part} | ${keys.map((key) => ms(key, part)).join(" | ")} |`),
    `| **total** | ${keys.map((key) => `**${summaries[key].cpuMsPerRequest}**`).join(" | ")} |`,
  ];
  for (const key of keys) {
    lines.push("", `Busiest functions, ${key} (self time):`, "", "| Function | Source | Part | ms/request | % |");
    lines.push("|---|---|---|---:|---:|");
    for (const f of summaries[key].functions.slice(0, 15))
      lines.push(`| \`${f.name}\` | ${f.file} | ${f.part} | ${f.msPerRequest} | ${f.percent} |`);
  }
  return lines.join("\n");
}
