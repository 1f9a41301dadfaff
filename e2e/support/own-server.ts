/**
 * A second e2e server with a database of its own, for a spec that must change
 * what the shared one's other specs rely on (pay an invoice, save a user's
 * language). It runs the same production build through scripts/e2e-server.mjs
 * (fresh seeded database, SIM_NOW, fixed session secret), on its own port.
 *
 *   const server = ownServer("french", 3101);
 *   test.use({ baseURL: server.baseURL });
 *   test.beforeAll(async () => server.start());
 *   test.afterAll(async () => server.stop());
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { E2E_DATABASE_FILE, E2E_HOST, e2eServerEnv, repoRoot } from "./env";

export type OwnServer = { baseURL: string; databaseFile: string; start(): Promise<void>; stop(): Promise<void> };

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** `name` keeps its database apart (next to the shared one); `port` must be free. */
export function ownServer(name: string, port: number): OwnServer {
  const baseURL = `http://${E2E_HOST}:${port}`;
  const databaseFile = path.join(path.dirname(E2E_DATABASE_FILE), name, "portal.db");
  let child: ChildProcess | undefined;
  const output: string[] = [];

  return {
    baseURL,
    databaseFile,
    async start() {
      if (await healthy(baseURL))
        throw new Error(`Something already answers on ${baseURL}: stop it, or give this spec another port.`);
      fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
      child = spawn(process.execPath, [path.join(repoRoot, "scripts", "e2e-server.mjs")], {
        cwd: repoRoot,
        env: { ...process.env, ...e2eServerEnv, PORT: String(port), DATABASE_URL: `file:${databaseFile}` },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const keep = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (output.length > 200) output.shift();
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null)
          throw new Error(`The ${name} e2e server exited (${child.exitCode}):\n${output.join("")}`);
        if (await healthy(baseURL)) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error(`The ${name} e2e server did not answer on ${baseURL} within 120 s:\n${output.join("")}`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (running.exitCode === null) running.kill("SIGKILL");
    },
  };
}
