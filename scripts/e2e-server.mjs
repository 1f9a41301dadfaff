// The e2e web server (started by playwright.config.ts): a fresh demo database,
// then `next start` on the existing production build. It never builds — run
// `next build` first (npm test does). Env: DATABASE_URL, HOST, PORT, SIM_NOW,
// SESSION_SECRET, PAYMENT_DELAY_MS, NODE_ENV=production (see e2e/support/env.ts).
import { freshE2eDatabase } from "./lib/e2e-database.mjs";
import { launchServer } from "./lib/launch-server.mjs";

const root = process.cwd();
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

let database;
try {
  database = freshE2eDatabase({ root, env });
} catch (error) {
  console.error(`e2e-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`e2e-server: fresh database ${database.file}`);
process.stdout.write(database.setupOutput);

const server = launchServer({
  cwd: root,
  host: process.env.HOST ?? "127.0.0.1",
  port: process.env.PORT ?? "3100",
  env: { ...env, DATABASE_URL: `file:${database.file}` },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void server.stop());
void server.exited.then(({ code, signal }) => process.exit(code ?? (signal ? 1 : 0)));
