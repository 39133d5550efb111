import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { RetentionRule } from '../../src/datamap/datamap.types';
import { PostgresConnector, PostgresConnectorError } from '../../src/postgres/postgres.connector';
import { supportsRetention, type RetentionBatch, type RetentionWindow } from '../../src/retention';
import { aRule, createVisitsStore, CUTOFF, SIGNED_UP_CUTOFF, type VisitsStore } from './visits-store';

const COUNT = 50;
const WINDOW: RetentionWindow = { cutoff: CUTOFF };
const seenBefore = (id: number) => id % 3 !== 0;
const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

let database: TestDatabase;
let store: VisitsStore;
let sut: PostgresConnector;

beforeAll(async () => {
  database = await createScratchDatabase();
});

beforeEach(async () => {
  store = await createVisitsStore(database.url, COUNT);
  sut = new PostgresConnector(store.system, { url: database.url });
});

afterEach(async () => {
  await sut.close();
  await store.close();
});

afterAll(async () => {
  await database?.drop();
});

/** Runs batches from the start until the cursor says nothing is left, as the engine does. */
async function runAll(rule: RetentionRule, window: RetentionWindow, limit: number): Promise<RetentionBatch[]> {
  const batches: RetentionBatch[] = [];
  let cursor: string | null = null;
  do {
    const batch = await sut.retentionBatch('visits', rule, window, cursor, limit);
    batches.push(batch);
    cursor = batch.cursor;
  } while (cursor !== null && batches.length < 100);
  return batches;
}

describe('PostgresConnector retention: delete', () => {
  it('is a retention connector', () => {
    expect(supportsRetention(sut)).toBe(true);
  });

  it('deletes due rows in primary key batches, each resuming after the last key, every due row once', async () => {
    const due = range(COUNT).filter(seenBefore);
    const batches: RetentionBatch[] = [];
    let cursor: string | null = null;
    do {
      const batch = await sut.retentionBatch('visits', aRule(), WINDOW, cursor, 5);
      batches.push(batch);
      // After each batch: exactly the due rows up to its cursor are gone, nothing beyond it.
      const last = batch.cursor === null ? Infinity : Number(batch.cursor);
      expect(await store.ids(`seen_at < '2025-03-01'`)).toEqual(due.filter((id) => id > last));
      cursor = batch.cursor;
    } while (cursor !== null);

    expect(batches.map((batch) => batch.affected)).toEqual([5, 5, 5, 5, 5, 5, 4]);
    expect(batches.map((batch) => batch.cursor)).toEqual(['7', '14', '22', '29', '37', '44', null]);
    expect(batches.every((batch) => batch.longestStatementMs > 0)).toBe(true);
    expect(await store.ids()).toEqual(range(COUNT).filter((id) => !seenBefore(id)));
  });

  it('starts from the cursor it is given and leaves rows before it alone', async () => {
    const batch = await sut.retentionBatch('visits', aRule(), WINDOW, '40', 100);
    expect(batch).toEqual({ affected: 7, cursor: null, longestStatementMs: expect.any(Number) });
    expect(await store.ids('id > 40')).toEqual([42, 45, 48]);
    expect(await store.ids('id <= 40')).toHaveLength(40);
  });

  it('gives the last key as the cursor when a batch is exactly full, and the next batch finds nothing', async () => {
    const first = await sut.retentionBatch('visits', aRule(), WINDOW, '40', 7);
    const second = await sut.retentionBatch('visits', aRule(), WINDOW, first.cursor, 7);
    expect([first.affected, first.cursor, second.affected, second.cursor]).toEqual([7, '50', 0, null]);
  });

  it('with a condition, deletes only rows due on both fields; a NULL is never due', async () => {
    const rule = aRule({ condition: { field: 'signed_up', olderThan: 'P1Y' } });
    const batches = await runAll(rule, { cutoff: CUTOFF, conditionCutoff: SIGNED_UP_CUTOFF }, 4);

    const deleted = range(COUNT).filter((id) => seenBefore(id) && id % 2 === 0);
    expect(batches.reduce((sum, batch) => sum + batch.affected, 0)).toBe(deleted.length);
    expect(await store.ids()).toEqual(range(COUNT).filter((id) => !deleted.includes(id)));
  });

  it.each([
    ['timestamp without time zone', `seen_at AT TIME ZONE 'UTC'`],
    ['date', `(seen_at AT TIME ZONE 'UTC')::date`],
  ])('reads a %s column in UTC', async (type, using) => {
    await store.query(`ALTER TABLE ${store.table} ALTER COLUMN seen_at TYPE ${type} USING ${using}`);
    await store.query(`UPDATE ${store.table} SET seen_at = '2025-02-28' WHERE id = 3`);
    await store.query(`UPDATE ${store.table} SET seen_at = '2025-03-01' WHERE id = 1`);
    const batch = await sut.retentionBatch('visits', aRule(), WINDOW, null, 100);
    // 34 due before, minus visit 1 (now on the cutoff: not before it), plus visit 3 (the day before).
    expect(batch.affected).toBe(34);
    expect(await store.ids('id <= 3')).toEqual([1]);
  });

  it('refuses a condition without its cutoff, before touching anything', async () => {
    const rule = aRule({ condition: { field: 'signed_up', olderThan: 'P1Y' } });
    await expect(sut.retentionBatch('visits', rule, WINDOW, null, 10)).rejects.toThrow(
      'web.visits: retention rule delete: the rule has a condition, and no condition cutoff was given',
    );
    expect(await store.ids()).toHaveLength(COUNT);
  });

  it('names a rule field that is no column, and changes nothing', async () => {
    const failure = await sut.retentionBatch('visits', aRule({ field: 'seen_att' }), WINDOW, null, 10).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostgresConnectorError);
    expect((failure as Error).message).toBe(`web.visits: column seen_att does not exist in ${store.schema}.visits`);
    expect(await store.ids()).toHaveLength(COUNT);
  });

  it('refuses a rule field that is not a time stamp', async () => {
    await expect(sut.retentionBatch('visits', aRule({ field: 'page' }), WINDOW, null, 10)).rejects.toThrow(
      'web.visits: retention rule delete: column page is text, not a date or time stamp',
    );
  });

  it('turns a cursor the key type cannot read into an error without the value', async () => {
    const failure = await sut.retentionBatch('visits', aRule(), WINDOW, 'visitor7@example.com', 10).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostgresConnectorError);
    expect((failure as Error).message).toBe('web.visits: retention rule delete failed: invalid value for the column type (SQLSTATE 22P02)');
  });
});

describe('PostgresConnector retention: anonymize', () => {
  const rule = aRule({
    name: 'scrub',
    action: 'anonymize',
    anonymize: {
      ip: { action: 'anonymize_ip' },
      ip_text: { action: 'anonymize_ip' },
      email: { action: 'hash' },
      note: { action: 'replace', value: '[scrubbed]' },
      nick: { action: 'set_null' },
    },
  });
  const values = async (where: string) =>
    store.query<Record<string, string | null>>(`SELECT id::int AS id, ip::text AS ip, ip_text, email, note, nick FROM ${store.table} WHERE ${where} ORDER BY id`);

  it('anonymizes every field of due rows, counts each row once, and a second pass changes nothing', async () => {
    const recentBefore = await values('id % 3 = 0');
    const first = await runAll(rule, WINDOW, 8);
    expect(first.reduce((sum, batch) => sum + batch.affected, 0)).toBe(range(COUNT).filter(seenBefore).length);

    const [row7] = await values('id = 7');
    expect(row7).toEqual({ id: 7, ip: '203.0.7.0/24', ip_text: '198.51.100.0', email: expect.stringMatching(/^rdh1:[0-9a-f]{64}$/), note: '[scrubbed]', nick: null });
    expect(await values('id % 3 = 0')).toEqual(recentBefore);

    const scrubbed = await values('true');
    const second = await runAll(rule, WINDOW, 8);
    expect(second).toEqual([{ affected: 0, cursor: null, longestStatementMs: expect.any(Number) }]);
    expect(await values('true')).toEqual(scrubbed);
  });

  it('does not count rows that hold nothing left to anonymize', async () => {
    await store.query(`UPDATE ${store.table} SET ip = NULL, ip_text = NULL, email = NULL, note = NULL, nick = NULL WHERE id <= 10`);
    const batches = await runAll(rule, WINDOW, 100);
    expect(batches[0].affected).toBe(range(COUNT).filter((id) => seenBefore(id) && id > 10).length);
  });

  it('counts a row whose one remaining field it changes', async () => {
    await runAll(rule, WINDOW, 100);
    await store.query(`UPDATE ${store.table} SET nick = 'back again' WHERE id IN (1, 2, 3)`);
    const batches = await runAll(rule, WINDOW, 100);
    // Visit 3 is recent: not due.
    expect(batches[0].affected).toBe(2);
    expect((await values('id IN (1, 2, 3)')).map((row) => row.nick)).toEqual([null, null, 'back again']);
  });
});

describe('PostgresConnector retention: plan', () => {
  it('counts due rows and returns the smallest keys, changing nothing', async () => {
    const before = await store.query(`SELECT * FROM ${store.table} ORDER BY id`);
    expect(await sut.planRetention('visits', aRule(), WINDOW, 3)).toEqual({ due: 34, sampleKeys: ['1', '2', '4'] });
    expect(await sut.planRetention('visits', aRule(), WINDOW, 0)).toEqual({ due: 34, sampleKeys: [] });
    expect(await store.query(`SELECT * FROM ${store.table} ORDER BY id`)).toEqual(before);
  });

  it('for anonymize, counts only rows still holding something to anonymize', async () => {
    const rule = aRule({ action: 'anonymize', anonymize: { nick: { action: 'set_null' } } });
    await store.query(`UPDATE ${store.table} SET nick = NULL WHERE id < 5`);
    expect(await sut.planRetention('visits', rule, WINDOW, 2)).toEqual({ due: 31, sampleKeys: ['5', '7'] });
  });

  it('applies the condition', async () => {
    const rule = aRule({ condition: { field: 'signed_up', olderThan: 'P1Y' } });
    const plan = await sut.planRetention('visits', rule, { cutoff: CUTOFF, conditionCutoff: SIGNED_UP_CUTOFF }, 2);
    expect(plan).toEqual({ due: range(COUNT).filter((id) => seenBefore(id) && id % 2 === 0).length, sampleKeys: ['2', '4'] });
  });
});

describe('PostgresConnector retention: identifiers', () => {
  it('quotes a time stamp column named like an injection', async () => {
    const hostile = 'seen"; DROP TABLE visits; --';
    await store.query(`ALTER TABLE ${store.table} RENAME COLUMN seen_at TO "seen""; DROP TABLE visits; --"`);
    const batches = await runAll(aRule({ field: hostile }), WINDOW, 10);
    expect(batches.reduce((sum, batch) => sum + batch.affected, 0)).toBe(34);
    expect(await store.ids()).toHaveLength(COUNT - 34);
  });
});
