/**
 * A second e2e server with a database of its own, for a spec that must change
 * what the shared one's other specs rely on (pay an invoice, save a user's
 * language). It runs the same production build as scripts/e2e-server.mjs, through the same
 * scripts/lib/ modules (fresh seeded database, SIM_NOW, fixed session secret), on its own port.
 *
 *   const server = ownServer("french", 3101);
 *   test.use({ baseURL: server.baseURL });
 *   test.beforeAll(async () => server.start());
 *   test.afterAll(async () => server.stop());
 */
import fs from "node:fs";
import path from "node:path";

import { freshE2eDatabase } from "../../scripts/lib/e2e-database.mjs";
import { launchServer, type LaunchedServer } from "../../scripts/lib/launch-server.mjs";
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
  let server: LaunchedServer | undefined;
  let releaseDatabase = () => {};

  return {
    baseURL,
    databaseFile,
    async start() {
      if (await healthy(baseURL))
        throw new Error(`Something already answers on ${baseURL}: stop it, or give this spec another port.`);
      fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
      const env = { ...process.env, ...e2eServerEnv, PORT: String(port), DATABASE_URL: `file:${databaseFile}` };
      releaseDatabase = freshE2eDatabase({ root: repoRoot, env }).release;
      server = launchServer({ cwd: repoRoot, host: E2E_HOST, port, env, output: "capture" });
      try {
        await server.ready({ timeoutMs: 120_000, intervalMs: 500 });
      } catch (error) {
        throw new Error(`The ${name} e2e server on ${baseURL}: ${(error as Error).message}\n${server.output()}`);
      }
    },
    async stop() {
      const running = server;
      server = undefined;
      await running?.stop();
      releaseDatabase();
    },
  };
}
