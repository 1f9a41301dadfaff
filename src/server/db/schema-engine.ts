import "server-only";

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";

import { catalogPool } from "./catalog-pool";
import { postgresqlSchema, postgresqlSchemaPath } from "./postgresql-schema.mjs";
import { databaseEngine, type DatabaseEngine } from "./url";

/**
 * Prisma's schema engine compiled to WebAssembly. The CLI would download a
 * native engine, which these machines cannot do; the wasm build ships inside
 * an npm package and writes the same `_prisma_migrations` table, so
 * `prisma migrate deploy` stays interchangeable with it.
 */
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    engineModule.__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
/** Each engine has its own migration history, written from the same schema.prisma. */
export const migrationsDirs: Record<DatabaseEngine, string> = {
  sqlite: path.join(process.cwd(), "prisma", "migrations"),
  postgresql: path.join(process.cwd(), "prisma", "migrations-postgresql"),
};

/** The data model for an engine: schema.prisma itself, or its PostgreSQL variant (in memory). */
export function readSchema(engine: DatabaseEngine = "sqlite"): [string, string] {
  const text = fs.readFileSync(schemaPath, "utf8");
  if (engine === "sqlite") return [schemaPath, text];
  return [path.join(process.cwd(), postgresqlSchemaPath), postgresqlSchema(text)];
}

export type OpenSchemaEngine = { engine: SchemaEngine; close: () => Promise<void> };

/**
 * Opens the engine on a database (SQLite or PostgreSQL, by its URL). `close`
 * also closes the connections the engine opened: freeing the engine alone
 * leaves them open (and an SQLite file locked).
 */
export async function openSchemaEngine(url: string): Promise<OpenSchemaEngine> {
  await loadWasm();
  const engineKind = databaseEngine(url);
  const inner: SqlMigrationAwareDriverAdapterFactory =
    engineKind === "sqlite"
      ? new PrismaBetterSqlite3({ url })
      : new PrismaPg(catalogPool(url), { disposeExternalPool: true });
  const connections: { dispose: () => Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const connection = await inner.connect();
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await inner.connectToShadowDb();
      connections.push(connection);
      return connection;
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracking);
  // The engine logs JSON lines about its own progress; nothing a user needs.
  const quiet = () => {};
  const engine = (await engineModule.SchemaEngine.new(
    { datamodels: [readSchema(engineKind)] },
    quiet,
    factory,
  )) as SchemaEngine;
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(connections.map((connection) => connection.dispose()));
    },
  };
}

/** The committed migration folders of an engine, as the schema engine expects them. */
export function listMigrations(engine: DatabaseEngine = "sqlite"): MigrationList {
  const migrationsDir = migrationsDirs[engine];
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}
