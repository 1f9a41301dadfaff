import "server-only";

import pg from "pg";

/**
 * A pg pool for the schema engine on PostgreSQL. The engine reads the system
 * catalogs, whose flag columns (pg_class.relkind, pg_constraint.contype, …)
 * have the one-byte type `"char"` (OID 18). @prisma/adapter-pg 7.10 has no
 * mapping for it and fails the whole introspection ("Column type 'char' could
 * not be deserialized"); pg already returns its value as a one-letter string,
 * so reporting the column as text (OID 25) is all the engine needs. The
 * portal's own client never reads such a column and uses the adapter as is.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;

type Fields = { fields?: { dataTypeID: number }[] };

function charAsText<T>(result: T): T {
  for (const batch of Array.isArray(result) ? (result as Fields[]) : [result as Fields])
    for (const field of batch?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return result;
}

class CatalogClient extends pg.Client {}
type AnyQuery = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as AnyQuery;
(CatalogClient.prototype as unknown as { query: AnyQuery }).query = function (this: pg.Client, ...args: unknown[]) {
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error: unknown, result: unknown) => callback(error, result && charAsText(result));
    return query.apply(this, args);
  }
  const pending = query.apply(this, args);
  return pending instanceof Promise ? pending.then(charAsText) : pending;
};

export function catalogPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogClient, max: 2 });
}
