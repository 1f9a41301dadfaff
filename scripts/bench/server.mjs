// npm run bench: `next start` on a prepared database (scripts/lib/launch-server.mjs), with its
// memory and CPU read from /proc.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { launchServer } from "../lib/launch-server.mjs";
import { appDir, serverEnv, work } from "./settings.mjs";

const CLOCK_TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

const children = new Set();
/** Stops every server still running (at exit, whatever ended the run). */
export function cleanUp() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net
      .createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/** BENCH_PORTS=3750-3799 keeps the servers to a range (several benches on one machine). */
const [firstPort, lastPort] = (process.env.BENCH_PORTS ?? "3340-3399").split("-").map(Number);

export async function freePort() {
  for (let port = firstPort; port <= lastPort; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${firstPort}-${lastPort}`);
}

/** Every process under `pid` (next start may run the server in a child process). */
function processTree(pid) {
  const parents = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

function memoryKb(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export async function startServer(url, port, label, nodeFlags = undefined) {
  const server = launchServer({
    cwd: appDir,
    port,
    env: serverEnv(url, port),
    // The production server's own flags (as `npm start`), or BENCH_NODE_OPTIONS instead, to study others.
    nodeFlags: nodeFlags ?? process.env.BENCH_NODE_OPTIONS?.split(" ").filter(Boolean),
    output: { file: path.join(work, `server-${label}.log`) },
  });
  const child = server.child;
  children.add(child);
  const base = server.url;
  try {
    await server.ready({ timeoutMs: 120_000, intervalMs: 250 });
  } catch (error) {
    throw new Error(`${error.message}; see bench/.work/server-${label}.log`);
  }
  const pids = processTree(child.pid);
  let peakKb = 0;
  let windowPeakKb = 0;
  const sample = () => {
    const kb = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmRSS"), 0);
    peakKb = Math.max(peakKb, kb);
    windowPeakKb = Math.max(windowPeakKb, kb);
  };
  const sampler = setInterval(sample, 200);
  sample();
  return {
    base,
    pids,
    /** CPU time the server's processes have used so far (user + system), in ms. */
    cpuMs() {
      return pids.reduce((sum, pid) => {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return sum + (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
        } catch {
          return sum;
        }
      }, 0);
    },
    /** Peak RSS of the server's processes since the last call (sampled every 200 ms), in MB. */
    takeWindowPeakMb() {
      sample();
      const mb = windowPeakKb / 1024;
      windowPeakKb = 0;
      return mb;
    },
    async stop() {
      clearInterval(sampler);
      sample();
      const hwmKb = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmHWM"), 0);
      await server.stop({ graceMs: 10_000 });
      children.delete(child);
      return { peakSampledMb: peakKb / 1024, vmHwmMb: hwmKb / 1024, processes: pids.length };
    },
  };
}
