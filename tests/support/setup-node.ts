// Runs before every test file of the "node" project, before the file's own imports.
// It points DATABASE_URL at a throwaway SQLite path unique to this test file, so:
// - the app's `db` singleton (src/server/db/index.ts, built from DATABASE_URL at
//   import time) never opens data/portal.db, even in a unit test that imports it by accident;
// - integration tests create and migrate that very file with useTestDatabase()
//   (tests/support/test-db.ts) and can then import app code that uses `db` as is.
// Nothing is created here: the path only. Unit tests pay nothing for it.
// With TEST_ENGINE=postgresql the URL names a database of its own on TEST_POSTGRES_URL's server instead.
import { testDatabaseUrlForThisFile } from "./test-db";

process.env.DATABASE_URL = testDatabaseUrlForThisFile();
// The simulator clock must not leak from the developer's shell into tests.
delete process.env.SIM_NOW;
// Test files run in isolated module graphs, but the db singleton parks itself on
// globalThis outside production; make sure a file never inherits another file's client.
delete (globalThis as { portalDb?: unknown }).portalDb;
