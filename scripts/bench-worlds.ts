// How long making a world takes (npm run bench -- --worlds runs it once per engine, scripts/bench/world-create.mjs):
// a fresh database on DATABASE_URL (a throwaway SQLite file, or a throwaway PostgreSQL database), migrated and
// seeded with the demo world, then worlds made one after another by createWorld() — what POST /api/sim/worlds
// runs, without the HTTP around it — each deleted before the next (not timed). Prints one JSON line.
//   DATABASE_URL=… node -C react-server --import tsx scripts/bench-worlds.ts <count>
import { createWorld } from "../src/features/worlds/create-world";
import { deleteWorld } from "../src/features/worlds/expiry";
import { db } from "../src/server/db";
import { migrateDatabase } from "../src/server/db/migrate";
import { databaseEngine, databaseUrl } from "../src/server/db/url";
import { seedDemo } from "../src/server/demo/seed";

const count = Number(process.argv[2] ?? 50);
const now = new Date("2026-11-20T09:00:00.000Z");
await migrateDatabase(databaseUrl());
await seedDemo(db, { now, password: "Passw0rd!" });

const times: number[] = [];
const cpu: number[] = [];
for (let i = -5; i < count; i++) {
  const started = performance.now();
  const used = process.cpuUsage();
  const world = await createWorld({ now });
  const spent = process.cpuUsage(used);
  if (i >= 0) {
    times.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  await deleteWorld(world.id);
}
await db.$disconnect();
const at = (list: number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
const round = (ms: number) => Math.round(ms * 10) / 10;
console.log(
  JSON.stringify({
    engine: databaseEngine(),
    worlds: count,
    p50Ms: round(at(times, 0.5)),
    p95Ms: round(at(times, 0.95)),
    maxMs: round(Math.max(...times)),
    cpuP50Ms: round(at(cpu, 0.5)),
  }),
);
