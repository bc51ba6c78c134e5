import pg from 'pg';

/**
 * node-postgres turns dates into JS Dates in the server's zone and numerics into strings; the
 * catalogue compares rows across databases and tools, so dates stay text and numerics numbers.
 */
const DATE = 1082;
const NUMERIC = 1700;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === DATE) return (value: string) => value;
    if (oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, types: typeParsers });
  await client.connect();
  return client;
}
