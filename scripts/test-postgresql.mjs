// Which PostgreSQL server npm test uses for its PostgreSQL half: TEST_POSTGRES_URL,
// else postgresql://postgres:postgres@127.0.0.1:5432/postgres. Answers { url } when
// it accepts a connection and may create databases, else { reason } in a few words.
import pg from "pg";

export const defaultTestPostgresUrl = "postgresql://postgres:postgres@127.0.0.1:5432/postgres";

export async function testPostgresql(url = process.env.TEST_POSTGRES_URL?.trim() || defaultTestPostgresUrl) {
  const shown = url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query(
      "SELECT rolcreatedb OR rolsuper AS may_create FROM pg_roles WHERE rolname = current_user",
    );
    if (!rows[0]?.may_create) return { reason: `${shown}: this user may not create databases` };
    return { url };
  } catch (error) {
    return { reason: `${shown} unreachable (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    await client.end().catch(() => {});
  }
}
