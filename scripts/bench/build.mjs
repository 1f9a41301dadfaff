// npm run bench, step 1: the production server built from its own copy of the sources.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { appDir, existingBuild, flag, log, root, run } from "./settings.mjs";

/**
 * The app is built and served from its own copy, outside the repository: the committed
 * HEAD (`git archive`), or with --working-tree every file of the working tree that git
 * does not ignore. Other work in the same checkout (edits, builds, installs) then cannot
 * change the server under measurement. node_modules is hard-linked (cp -al): Turbopack
 * refuses a symlink that leaves the project, and Node resolves from the copy's own.
 */
function exportSources() {
  const keep = path.join(appDir, ".next", "cache");
  const cache = path.join(path.dirname(appDir), "next-cache");
  fs.rmSync(cache, { recursive: true, force: true });
  if (fs.existsSync(keep)) fs.renameSync(keep, cache);
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  if (flag("working-tree")) {
    const files = spawnSync("git", ["ls-files", "-z", "-c", "-o", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
    })
      .stdout.split("\0")
      .filter(Boolean);
    for (const file of files) {
      const source = path.join(root, file);
      if (!fs.existsSync(source) || fs.statSync(source).isDirectory()) continue;
      fs.mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
      fs.copyFileSync(source, path.join(appDir, file));
    }
  } else {
    const archive = spawnSync("git", ["archive", "--format=tar", "HEAD"], { cwd: root, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr}`);
    const untar = spawnSync("tar", ["-x", "-C", appDir], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  }
  if (spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(appDir, "node_modules")]).status !== 0) {
    run("cp", ["-a", path.join(root, "node_modules"), path.join(appDir, "node_modules")]);
  }
  if (fs.existsSync(cache)) {
    fs.mkdirSync(path.join(appDir, ".next"), { recursive: true });
    fs.renameSync(cache, keep);
  }
}

export function build() {
  if (existingBuild) {
    if (!fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) throw new Error(`BENCH_APP_DIR: no build in ${appDir}`);
    log(`serving the existing build in ${appDir} (BENCH_APP_DIR)`);
    return { source: `the build in ${appDir}`, commit: gitHead(), workingTree: true, buildId: "" };
  }
  const source = flag("working-tree") ? "the working tree" : `HEAD ${gitHead().slice(0, 12)}`;
  if (flag("no-build") && fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    log(`reusing the build in ${appDir} (--no-build)`);
    return JSON.parse(fs.readFileSync(path.join(appDir, "bench-source.json"), "utf8"));
  }
  log(`copying ${source} to ${appDir}…`);
  exportSources();
  run(process.execPath, ["scripts/prisma-generate.mjs"], { cwd: appDir, stdio: ["ignore", "ignore", "inherit"] });
  log("building the production server (waiting for /tmp/next-build.lock while another build runs)…");
  const started = Date.now();
  const next = [process.execPath, path.join(appDir, "node_modules", "next", "dist", "bin", "next"), "build"];
  const hasFlock = spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
  if (hasFlock) run("flock", ["/tmp/next-build.lock", ...next], { cwd: appDir });
  else run(next[0], next.slice(1), { cwd: appDir });
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s (including any wait for the lock)`);
  const info = {
    source,
    commit: gitHead(),
    workingTree: flag("working-tree"),
    buildId: fs.readFileSync(path.join(appDir, ".next", "BUILD_ID"), "utf8"),
  };
  fs.writeFileSync(path.join(appDir, "bench-source.json"), JSON.stringify(info));
  return info;
}

function gitHead() {
  return spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
}
