// Prepares one benchmark database (npm run bench calls it): a fresh SQLite file
// (or PostgreSQL database: dropped and created again), the committed migrations,
// then the demo world grown to N invoices by src/server/demo/bulk.ts. Prints a
// progress bar on stderr and the summary as one JSON line on stdout.
//   node -C react-server --import tsx scripts/bench-db.ts <file or postgresql://…> <invoices> <profiles> <payableMonths> <simNow>
import fs from "node:fs";

import { createPrismaClient } from "../src/server/db/client";
import { migrateDatabase } from "../src/server/db/migrate";
import { dropDatabase } from "../src/server/db/postgresql";
import { databaseEngine } from "../src/server/db/url";
import { seedBulk } from "../src/server/demo/bulk";

const [file, invoices, profiles, payableMonths, simNow] = process.argv.slice(2);
if (!file || !invoices || !profiles || !payableMonths || !simNow) {
  console.error("usage: bench-db.ts <file> <invoices> <profiles> <payableMonths> <simNow>");
  process.exit(2);
}

const url = /^postgres(ql)?:\/\//.test(file) ? file : `file:${file}`;
// The seed's bulk insert writes SQL for the engine DATABASE_URL names (the app's one database): name
// this one, or a PostgreSQL database gets SQLite's multi-row VALUES ("syntax error at or near ",").
process.env.DATABASE_URL = url;
if (databaseEngine(url) === "postgresql") await dropDatabase(url);
else for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
await migrateDatabase(url);

const width = 30;
const started = Date.now();
let last = 0;
function progress(done: number, total: number) {
  const now = Date.now();
  if (done < total && now - last < 100) return;
  last = now;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max(0.001, (now - started) / 1000);
  const line = `  [${"#".repeat(filled)}${".".repeat(width - filled)}] ${((done / total) * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} invoices  ${Math.round(rate).toLocaleString("en-US")}/s`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : done === total ? `${line}\n` : "");
}

const db = createPrismaClient(url);
try {
  const result = await seedBulk(db, {
    url,
    now: new Date(simNow),
    invoices: Number(invoices),
    profiles: Number(profiles),
    payableMonths: Number(payableMonths),
    onProgress: progress,
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(JSON.stringify({ ...result, seconds: (Date.now() - started) / 1000 }));
} finally {
  await db.$disconnect();
}
