// The one place that starts the production server (`next start` on an existing build):
// `npm start` (scripts/start.mjs), the e2e server (scripts/e2e-server.mjs), the reliability suite (tests/reliability/support/server.ts)
// and `npm run bench` (scripts/bench/server.mjs). All of them run it with the production
// Node flags and environment of scripts/server-node-flags.mjs, so what is tested and
// measured is what runs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { httpsPreloadFlags, serverEnv, serverNodeFlags, serverPreloadFlags } from "../server-node-flags.mjs";

/**
 * @typedef {object} LaunchOptions
 * @property {string} [cwd] the checkout whose `.next/` build is served (default: the current directory)
 * @property {string} [host] the address to listen on (default 127.0.0.1)
 * @property {number | string} port
 * @property {NodeJS.ProcessEnv} [env] the server's environment (default: this process's); the production
 *   environment of server-node-flags.mjs is laid under it
 * @property {string[]} [nodeFlags] Node's flags (default: the production server's, serverNodeFlags); the
 *   forwarded-headers preload (serverPreloadFlags) is loaded whatever they are
 * @property {"inherit" | "capture" | { file: string }} [output] the server's stdout and stderr: shared with this
 *   process (default), kept in memory (the last 200 chunks) or written to a file
 */

/**
 * @typedef {object} LaunchedServer
 * @property {string} url e.g. http://127.0.0.1:3000
 * @property {string | null} httpsUrl e.g. https://localhost:3443 when the environment sets HTTPS_PORT
 * @property {import("node:child_process").ChildProcess} child
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited resolves when the process ends
 * @property {() => string} output what the server printed so far ("" with output "inherit")
 * @property {(options?: { timeoutMs?: number, intervalMs?: number }) => Promise<void>} ready resolves once
 *   /api/health answers 200; rejects when the server exits first or does not answer in time (default 120 s)
 * @property {(options?: { graceMs?: number }) => Promise<void>} stop SIGTERM, then SIGKILL after graceMs
 *   (default 10 s); resolves once the process has ended
 */

const running = new Set();
// A server never outlives the process that launched it, whatever ends that process.
process.on("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

/**
 * Starts `next start -H host -p port` with the production Node flags.
 * @param {LaunchOptions} options
 * @returns {LaunchedServer}
 */
export function launchServer(options) {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? "127.0.0.1";
  const output = options.output ?? "inherit";
  const nextBin = path.join(cwd, "node_modules", "next", "dist", "bin", "next");
  // Idle keep-alive connections stay open 70 s (Next's default is 5 s): a client that reuses a connection just as
  // the server drops it gets ECONNRESET — a load balancer's pooled connections, or a test suite's request context
  // between two tests. Next's docs suggest 70 s behind a load balancer (docs/deploy.md).
  const env = { ...serverEnv, ...(options.env ?? process.env) };
  const args = [
    ...serverPreloadFlags,
    ...httpsPreloadFlags(env),
    ...(options.nodeFlags ?? serverNodeFlags),
    nextBin,
    "start",
    "-H",
    host,
    "-p",
    String(options.port),
    "--keepAliveTimeout",
    "70000",
  ];
  const logFd = typeof output === "object" ? fs.openSync(output.file, "w") : undefined;
  const stdio = output === "inherit" ? "inherit" : output === "capture" ? "pipe" : ["ignore", logFd, logFd];
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: stdio === "pipe" ? ["ignore", "pipe", "pipe"] : stdio,
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  running.add(child);

  const chunks = [];
  const keep = (chunk) => {
    chunks.push(chunk.toString());
    if (chunks.length > 200) chunks.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const hasEnded = () => child.exitCode !== null || child.signalCode !== null;
  const url = `http://${host}:${options.port}`;
  const httpsUrl = env.HTTPS_PORT ? `https://localhost:${env.HTTPS_PORT}` : null;

  return {
    url,
    httpsUrl,
    child,
    exited,
    output: () =>
      typeof output === "object" ? fs.readFileSync(output.file, "utf8") : output === "capture" ? chunks.join("") : "",
    async ready({ timeoutMs = 120_000, intervalMs = 250 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (hasEnded()) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering`);
        try {
          const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      throw new Error(`the server did not answer ${url}/api/health within ${Math.round(timeoutMs / 1000)} s`);
    },
    async stop({ graceMs = 10_000 } = {}) {
      if (hasEnded()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
