import { Client } from 'pg';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { subtractIsoDuration } from '../../src/datamap/iso-duration';

// Retention cutoffs are computed in the worker; the rows they select live in PostgreSQL. Both must
// agree on what "P1M before 31 March" is, so the arithmetic is checked against PostgreSQL itself.

let database: TestDatabase;
let client: Client;

beforeAll(async () => {
  database = await createScratchDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(`SET TIME ZONE 'UTC'`);
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const DURATIONS = ['P1M', 'P3M', 'P1Y', 'P1Y1M', 'P3Y', 'P13M', 'P30D', 'P90D', 'P2W', 'PT12H', 'P1DT12H', 'P1M1D', 'PT90M'];

// Every month end of a leap and a common year, a leap day, and ordinary days.
const FROM = [
  ...Array.from({ length: 24 }, (_, index) => new Date(Date.UTC(2023 + Math.floor(index / 12), (index % 12) + 1, 0, 3, 4, 5))),
  new Date('2024-02-29T23:59:59.000Z'),
  new Date('2025-03-01T00:00:00.000Z'),
  new Date('2025-07-15T12:30:00.000Z'),
];

describe('subtractIsoDuration against PostgreSQL', () => {
  it('agrees with timestamptz − interval in UTC for every month end and duration', async () => {
    const pairs = FROM.flatMap((from) => DURATIONS.map((duration) => ({ from, duration })));
    const { rows } = await client.query<{ cutoff: Date }>(
      `SELECT f - d::interval AS cutoff FROM unnest($1::timestamptz[], $2::text[]) WITH ORDINALITY AS p(f, d, n) ORDER BY n`,
      [pairs.map((pair) => pair.from.toISOString()), pairs.map((pair) => pair.duration)],
    );
    const ours = pairs.map((pair) => `${pair.from.toISOString()} − ${pair.duration} = ${subtractIsoDuration(pair.from, pair.duration).toISOString()}`);
    const theirs = pairs.map((pair, index) => `${pair.from.toISOString()} − ${pair.duration} = ${rows[index].cutoff.toISOString()}`);
    expect(ours).toEqual(theirs);
  });
});
