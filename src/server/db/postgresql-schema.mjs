// prisma/schema.prisma is the one data model of both engines. Prisma needs one
// schema per provider, so the PostgreSQL variant is derived from it: the same
// models with only the datasource provider and the client's output folder
// swapped. It is written under src/generated/ (ignored by git) by
// `npm install` (scripts/prisma-generate.mjs) and read in memory by the migrator.
import fs from "node:fs";
import path from "node:path";

/** Where the derived schema is written; its client goes to src/generated/prisma-postgresql. */
export const postgresqlSchemaPath = path.join("src", "generated", "postgresql.prisma");

/** @param {string} sqliteSchema the text of prisma/schema.prisma */
export function postgresqlSchema(sqliteSchema) {
  const provider = /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]*"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema))
    throw new Error('prisma/schema.prisma must name provider = "sqlite" and a client output folder.');
  return sqliteSchema.replace(provider, '$1"postgresql"').replace(output, '$1"./prisma-postgresql"');
}

/** Writes the PostgreSQL variant of `root`/prisma/schema.prisma; returns its path. */
export function writePostgresqlSchema(root = process.cwd()) {
  const text = postgresqlSchema(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
  const file = path.join(root, postgresqlSchemaPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
