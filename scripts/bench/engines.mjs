// npm run bench: the database engines measured. `--engine sqlite` (the default), `--engine postgres`
// or `--engine both` (also `--engine=…`). PostgreSQL runs on BENCH_POSTGRES_URL, else TEST_POSTGRES_URL,
// else postgresql://postgres:postgres@127.0.0.1:5432/postgres: the bench creates its own databases there
// (azure_billing_bench_*), a cached template per world size and a throwaway copy per run, dropped at the end.
import Database from "better-sqlite3";
import pg from "pg";

import { defaultTestPostgresUrl, testPostgresql } from "../test-postgresql.mjs";

const argv = process.argv.slice(2);

/** The value of `--name value` or `--name=value`. */
function argument(name) {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  return argv[index].includes("=") ? argv[index].split("=")[1] : argv[index + 1];
}

const ENGINE_NAMES = { sqlite: "sqlite", postgres: "postgresql", postgresql: "postgresql", pg: "postgresql" };

export function chosenEngines() {
  const value = argument("engine") ?? "sqlite";
  if (value === "both") return ["sqlite", "postgresql"];
  const engine = ENGINE_NAMES[value];
  if (!engine) throw new Error(`--engine must be sqlite, postgres or both (got "${value}")`);
  return [engine];
}

export const ENGINE_LABEL = { sqlite: "SQLite", postgresql: "PostgreSQL" };

const serverUrl = () =>
  process.env.BENCH_POSTGRES_URL?.trim() || process.env.TEST_POSTGRES_URL?.trim() || defaultTestPostgresUrl;

/** The PostgreSQL server's URL, or an error saying why it cannot be used. */
export async function postgresqlServer() {
  const found = await testPostgresql(serverUrl());
  if (!found.url) throw new Error(`--engine postgres needs a PostgreSQL server: ${found.reason}`);
  return found.url;
}

/** The same server, another database. */
export function databaseUrl(server, name) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const databaseName = (url) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoted = (name) => `"${name.replace(/"/g, '""')}"`;

/** Runs `work` on a connection to the server's `postgres` database. */
async function onServer(server, work) {
  const client = new pg.Client({ connectionString: databaseUrl(server, "postgres"), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The bench's databases on the server whose name starts with `prefix`. */
export function benchDatabases(server, prefix) {
  return onServer(server, async (client) =>
    (await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`])).rows.map(
      (row) => row.datname,
    ),
  );
}

export function dropDatabase(server, name) {
  if (!name.startsWith("azure_billing_bench_")) throw new Error(`refusing to drop ${name}: not a bench database`);
  return onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** A fresh copy of a template database (PostgreSQL copies the files: seconds, even for 100,000 invoices). */
export async function copyDatabase(server, template, name) {
  await dropDatabase(server, name);
  await onServer(server, (client) => client.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`));
  return databaseUrl(server, name);
}

export { databaseName };

/**
 * Read-only SQL on either engine: `?` placeholders, identifiers quoted, booleans tested as
 * `NOT "voided"` (SQLite stores 0/1). Numbers come back as numbers on both.
 */
export async function openSql(url) {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length), { readonly: true });
    return {
      all: async (sql, ...params) => sqlite.prepare(sql).all(...params),
      close: async () => sqlite.close(),
    };
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const numeric = (row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === "string" && /^\d+$/.test(value) && key === "n" ? Number(value) : value,
      ]),
    );
  return {
    all: async (sql, ...params) => {
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return (await client.query(text, params)).rows.map(numeric);
    },
    close: () => client.end(),
  };
}

/**
 * A session row for a user (a session cookie is valid only with its row), expiring in a day of real time.
 * SQLite stores dates as Prisma does, ISO text with +00:00; PostgreSQL takes the timestamp.
 */
export async function addSession(url, id, userId) {
  const now = new Date();
  const until = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  if (url.startsWith("file:")) {
    const insert = `INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt") VALUES (?, ?, ?, ?)`;
    const sqlite = new Database(url.slice("file:".length));
    try {
      const text = (date) => date.toISOString().replace(/Z$/, "+00:00");
      sqlite.prepare(insert).run(id, userId, text(now), text(until));
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt") VALUES ($1, $2, $3, $4)`, [
      id,
      userId,
      now,
      until,
    ]);
  } finally {
    await client.end();
  }
}
