/**
 * The PostgreSQL suites' database: a throwaway one, set up as `npm start` does and given the suite's
 * fixtures; dropped at the end with the suite's servers stopped and its figures written
 * (KEEP_TEST_DB=1 keeps it to look at).
 */
import { removeDatabase, tempPostgresqlUrl } from "../../support/test-db";
import type { Figures } from "./figures";
import { addFixtures, type World } from "./fixtures";
import { requireProductionBuild, runDbSetup, stopAllServers } from "./server";

export async function postgresqlWorld(label: string): Promise<{ url: string; world: World }> {
  requireProductionBuild();
  const url = tempPostgresqlUrl(label);
  runDbSetup(url);
  return { url, world: await addFixtures(url) };
}

export async function endPostgresqlSuite(url: string | undefined, figures: Figures): Promise<void> {
  await stopAllServers();
  figures.write();
  if (url && process.env.KEEP_TEST_DB !== "1") await removeDatabase(url);
}
