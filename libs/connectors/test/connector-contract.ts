import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestType } from '@rightsdesk/domain';
import {
  emptyIdentities,
  type ActionContext,
  type ActionResult,
  type CollectionCount,
  type CollectionOutcome,
  type Connector,
  type ExportSink,
  type FieldCorrection,
  type Subject,
} from '../src/connector';
import { IDENTITY_KINDS } from '../src/datamap/datamap.types';

/**
 * What the store holds for one subject, read WITHOUT the connector:
 * collection → record id → field → value. Values in the store's own text form where it has one
 * (a date as `1985-02-03`), so a correction's value can be compared with them. The fixture finds
 * the records by the stable ids it seeded, so a record is still found after an identity field of
 * it was corrected or erased (then its changed values show).
 */
export type StoreSnapshot = Record<string, Record<string, Record<string, unknown>>>;

export interface ContractCapabilities {
  access: boolean;
  erase: boolean;
  /** Corrections valid for subjectA (each names a collection A has records in); absent: cannot rectify. */
  rectify?: FieldCorrection[];
  /** Absent: the connector has no opt-out. */
  optOut?: {
    /** Independent read: does the store hold every declared opt-out value for the subject? */
    isOptedOut(subject: Subject): Promise<boolean>;
  };
}

/** What every connector's test provides to run the shared contract against a real store. */
export interface ContractSetup {
  /** Configured correctly for the store below; closed by teardown(). */
  connector: Connector;
  /** Has records in every collection the connector can reach. */
  subjectA: Subject;
  /** Shares name and postal address with A, but has its own email, username and ids; also has records. */
  subjectB: Subject;
  /** Well-formed identities nobody in the store has. */
  nobody: Subject;
  /**
   * Store-specific hostile subjects on top of the contract's own (every identity kind and every key
   * of subjectA set to an injection string, a wildcard, unicode, a very long value, …).
   * None may match anyone.
   */
  hostile?: Subject[];
  markers: {
    /** Values of A's records that A's access export must contain (its email, a message A wrote). */
    a: string[];
    /** Values only B's records hold (B's email, username, ids, IP address): never in A's export. */
    b: string[];
    /** Values of A's secret fields (password hash, token): never in any export. */
    secrets: string[];
  };
  /** Independent count of what the store still holds that identifies the subject, read without the connector. */
  heldFor(subject: Subject): Promise<number>;
  /** See StoreSnapshot. */
  snapshot(subject: Subject): Promise<StoreSnapshot>;
  capabilities: ContractCapabilities;
  /** The same connector misconfigured (a missing table, a wrong bucket): check() must report problems. null: cannot be misconfigured. */
  brokenConnector: (() => Connector) | null;
  /**
   * For connectors that answer `pending` (a provider works asynchronously): make the fake provider
   * carry out what it accepted, so the contract can look at the store. Required if the connector
   * ever answers `pending`.
   */
  settle?(result: Extract<ActionResult, { state: 'pending' }>): Promise<void>;
  /** Closes the connector and removes the store. */
  teardown(): Promise<void>;
}

/** Identities shaped like attacks or mistakes; a connector must match none of them with anyone. */
export const HOSTILE_IDENTITIES: readonly string[] = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "a@b.c' ; DROP TABLE x; --",
  "'); DELETE FROM customers; --",
  '%',
  '%%',
  '_',
  '*',
  '?',
  '.*',
  '\\',
  '"',
  '$1',
  '{}',
  '{"a","b"}',
  'NULL',
  '',
  ' ',
  '../',
  '../../etc/passwd',
  'a/../../b',
  '..%2F..%2F',
  'ñandú@ejemplo.es',
  'İstanbul@example.com',
  '用户@例子.广告',
  '😀@example.com',
  'a\u200Bb@example.com',
  '\u202Egnp.exe@example.com',
  'a\r\nb@example.com',
  'a\u0000b@example.com',
  `${'x'.repeat(10_000)}@example.com`,
];

/** Variants of A's own values that only a wildcard, a truncation or an injection would match with A. */
function variantsOf(value: string): string[] {
  if (value.length < 2) {
    return [];
  }
  return [
    `${value}%`,
    `%${value.slice(1)}`,
    `${value.slice(0, -1)}_`,
    `${value.slice(0, -1)}%`,
    `${value}' OR '1'='1`,
    `${value}\u0000`,
    `${value}\u0000x`,
    `${value}*`,
  ];
}

function subjectWithEverything(value: string, keyNames: string[]): Subject {
  const identities = emptyIdentities();
  for (const kind of IDENTITY_KINDS) {
    identities[kind] = [value];
  }
  return { identities, keys: Object.fromEntries(keyNames.map((name) => [name, [value]])) };
}

function hostileSubjects(setup: ContractSetup): Subject[] {
  const keyNames = Object.keys(setup.subjectA.keys);
  const ownValues = [...Object.values(setup.subjectA.identities).flat(), ...Object.values(setup.subjectA.keys).flat()];
  const strings = [...HOSTILE_IDENTITIES, ...new Set(ownValues.flatMap(variantsOf))];
  return [...strings.map((value) => subjectWithEverything(value, keyNames)), ...(setup.hostile ?? [])];
}

function emptySubject(): Subject {
  return { identities: emptyIdentities(), keys: {} };
}

const HASH_SALT = randomBytes(32);

function aContext(requestType: RequestType): ActionContext {
  return { requestId: randomUUID(), requestType, hashSalt: HASH_SALT };
}

interface RecordingSink extends ExportSink {
  records: Array<{ collection: string; record: Record<string, unknown> }>;
}

function recordingSink(): RecordingSink {
  const records: RecordingSink['records'] = [];
  return {
    records,
    async write(collection, record) {
      // Yield like a real sink would, so a connector that does not await write() shows.
      await new Promise((resolve) => setImmediate(resolve));
      records.push({ collection, record });
    },
  };
}

function doneCollections(result: ActionResult): CollectionOutcome[] {
  if (result.state !== 'done') {
    throw new Error(`expected a done result, got ${result.state}`);
  }
  return result.collections;
}

function totalChanged(result: ActionResult): number {
  return doneCollections(result).reduce((sum, outcome) => sum + outcome.changed, 0);
}

function knownTotal(counts: CollectionCount[]): number {
  return counts.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
}

/** Cells that differ between two snapshots: `collection/record/field`. */
function changedCells(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const cells = new Set<string>();
  for (const collection of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const recordsBefore = before[collection] ?? {};
    const recordsAfter = after[collection] ?? {};
    for (const id of new Set([...Object.keys(recordsBefore), ...Object.keys(recordsAfter)])) {
      const fieldsBefore = recordsBefore[id] ?? {};
      const fieldsAfter = recordsAfter[id] ?? {};
      for (const field of new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])) {
        if (JSON.stringify(fieldsBefore[field]) !== JSON.stringify(fieldsAfter[field])) {
          cells.add(`${collection}/${id}/${field}`);
        }
      }
    }
  }
  return [...cells].sort();
}

/**
 * The contract every connector passes (Jest: call it at the top level of a spec file). `fixture`
 * runs before every case and must give a fresh store with A, B and their records; teardown()
 * runs after it.
 */
export function describeConnectorContract(name: string, fixture: () => Promise<ContractSetup>): void {
  describe(`${name} connector contract`, () => {
    let setup: ContractSetup | undefined;
    const current = (): ContractSetup => {
      if (!setup) {
        throw new Error('the contract fixture did not set up');
      }
      return setup;
    };

    // Runs a state-changing action to its end: a pending answer is settled by the fake provider.
    const settled = async (result: ActionResult): Promise<ActionResult> => {
      if (result.state === 'pending') {
        expect(result.providerReference).toEqual(expect.any(String));
        expect(result.providerReference.length).toBeGreaterThan(0);
        const settle = current().settle;
        if (!settle) {
          throw new Error('the connector answered pending, but the fixture has no settle()');
        }
        await settle(result);
      }
      return result;
    };

    beforeEach(async () => {
      setup = await fixture();
    });

    afterEach(async () => {
      await setup?.teardown();
      setup = undefined;
    });

    it('check() finds no problem in the correct configuration', async () => {
      expect(await current().connector.check()).toEqual([]);
    });

    it('check() reports problems for a misconfigured connector, without personal data', async () => {
      const { brokenConnector, markers } = current();
      if (!brokenConnector) {
        return;
      }
      const broken = brokenConnector();
      try {
        const problems = await broken.check();
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          expect(problem.trim()).not.toBe('');
          for (const marker of [...markers.a, ...markers.b, ...markers.secrets]) {
            expect(problem).not.toContain(marker);
          }
        }
      } finally {
        await broken.close();
      }
    });

    it('count() finds A and B, and nothing for nobody or an empty subject', async () => {
      const { connector, subjectA, subjectB, nobody } = current();
      const names = connector.system.collections.map((collection) => collection.name);
      const countsA = await connector.count(subjectA);
      expect(countsA.map((entry) => entry.collection).sort()).toEqual([...names].sort());
      if (countsA.some((entry) => entry.count !== null)) {
        expect(knownTotal(countsA)).toBeGreaterThan(0);
        expect(knownTotal(await connector.count(subjectB))).toBeGreaterThan(0);
      }
      for (const subject of [nobody, emptySubject()]) {
        for (const entry of await connector.count(subject)) {
          expect([0, null]).toContain(entry.count);
        }
      }
    });

    it('hostile identities match nobody, and count, access or erase with them changes nothing', async () => {
      const { connector, subjectA, subjectB, capabilities, heldFor, snapshot } = current();
      const before = { a: await snapshot(subjectA), b: await snapshot(subjectB), heldA: await heldFor(subjectA), heldB: await heldFor(subjectB) };
      for (const subject of hostileSubjects(current())) {
        for (const entry of await connector.count(subject)) {
          expect([0, null]).toContain(entry.count);
        }
        if (capabilities.access) {
          const sink = recordingSink();
          const result = await connector.access(subject, sink, aContext('access'));
          if (result.state === 'done') {
            expect(sink.records).toEqual([]);
          }
        }
        if (capabilities.erase) {
          const result = await settled(await connector.erase(subject, aContext('erasure')));
          if (result.state === 'done') {
            expect(totalChanged(result)).toBe(0);
          }
        }
      }
      expect(await snapshot(subjectA)).toEqual(before.a);
      expect(await snapshot(subjectB)).toEqual(before.b);
      expect(await heldFor(subjectA)).toBe(before.heldA);
      expect(await heldFor(subjectB)).toBe(before.heldB);
      // Still the same store: nothing was dropped along the way.
      expect(await connector.check()).toEqual([]);
    });

    it('an empty subject erases nothing', async () => {
      const { connector, subjectA, subjectB, capabilities, heldFor } = current();
      if (!capabilities.erase) {
        return;
      }
      const held = { a: await heldFor(subjectA), b: await heldFor(subjectB) };
      const result = await settled(await connector.erase(emptySubject(), aContext('erasure')));
      if (result.state === 'done') {
        expect(totalChanged(result)).toBe(0);
      }
      expect({ a: await heldFor(subjectA), b: await heldFor(subjectB) }).toEqual(held);
    });

    it("access streams A's records, JSON-safe, with none of B's values and no secret", async () => {
      const { connector, subjectA, nobody, capabilities, markers } = current();
      if (!capabilities.access) {
        return;
      }
      const sink = recordingSink();
      const result = await connector.access(subjectA, sink, aContext('access'));
      if (result.state === 'pending') {
        await settled(result);
        return;
      }
      const names = new Set(connector.system.collections.map((collection) => collection.name));
      expect(sink.records.length).toBeGreaterThan(0);
      for (const outcome of doneCollections(result)) {
        expect(names).toContain(outcome.collection);
        expect(outcome.found).toBe(sink.records.filter((entry) => entry.collection === outcome.collection).length);
        expect(outcome.changed).toBe(0);
      }
      for (const entry of sink.records) {
        expect(names).toContain(entry.collection);
      }
      const text = JSON.stringify(sink.records);
      // Dates, buffers and big integers must already be strings: the export is JSON.
      expect(JSON.parse(text)).toEqual(sink.records);
      for (const marker of markers.a) {
        expect(text).toContain(marker);
      }
      for (const marker of [...markers.b, ...markers.secrets]) {
        expect(text).not.toContain(marker);
      }

      const none = recordingSink();
      await connector.access(nobody, none, aContext('access'));
      expect(none.records).toEqual([]);
    });

    it('erase removes A, leaves B as it was, and a second erase changes nothing', async () => {
      const { connector, subjectA, subjectB, nobody, capabilities, heldFor, snapshot } = current();
      if (!capabilities.erase) {
        return;
      }
      expect(await heldFor(subjectA)).toBeGreaterThan(0);
      const heldB = await heldFor(subjectB);
      expect(heldB).toBeGreaterThan(0);
      const snapshotB = await snapshot(subjectB);

      const first = await settled(await connector.erase(subjectA, aContext('erasure')));
      if (first.state === 'done') {
        expect(totalChanged(first)).toBeGreaterThan(0);
        for (const outcome of first.collections) {
          expect(outcome.changed).toBeLessThanOrEqual(outcome.found);
        }
      }
      expect(await heldFor(subjectA)).toBe(0);
      expect(await heldFor(subjectB)).toBe(heldB);
      expect(await snapshot(subjectB)).toEqual(snapshotB);

      const erasedA = await snapshot(subjectA);
      const second = await settled(await connector.erase(subjectA, aContext('erasure')));
      if (second.state === 'done') {
        for (const outcome of second.collections) {
          expect({ collection: outcome.collection, changed: outcome.changed }).toEqual({ collection: outcome.collection, changed: 0 });
        }
      }
      // No double effects: nothing hashed twice, no IP network widened again.
      expect(await snapshot(subjectA)).toEqual(erasedA);
      expect(await heldFor(subjectA)).toBe(0);
      expect(await snapshot(subjectB)).toEqual(snapshotB);

      const nothing = await settled(await connector.erase(nobody, aContext('erasure')));
      if (nothing.state === 'done') {
        expect(totalChanged(nothing)).toBe(0);
      }
      expect(await heldFor(subjectB)).toBe(heldB);
    });

    it('rectify changes only the given fields of A', async () => {
      const { connector, subjectA, subjectB, capabilities, snapshot } = current();
      const corrections = capabilities.rectify ?? [];
      if (corrections.length === 0) {
        return;
      }
      const beforeA = await snapshot(subjectA);
      const beforeB = await snapshot(subjectB);
      const result = await settled(await connector.rectify(subjectA, corrections, aContext('rectification')));
      if (result.state === 'done') {
        expect(totalChanged(result)).toBeGreaterThan(0);
      }
      const afterA = await snapshot(subjectA);
      const allowed = new Set(corrections.map((correction) => `${correction.collection}/${correction.field}`));
      for (const cell of changedCells(beforeA, afterA)) {
        const [collection, , field] = cell.split('/');
        expect({ cell, allowed: allowed.has(`${collection}/${field}`) }).toEqual({ cell, allowed: true });
      }
      for (const correction of corrections) {
        const records = Object.values(afterA[correction.collection] ?? {});
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(String(record[correction.field])).toBe(correction.value);
        }
      }
      expect(await snapshot(subjectB)).toEqual(beforeB);

      const again = await settled(await connector.rectify(subjectA, corrections, aContext('rectification')));
      if (again.state === 'done') {
        expect(totalChanged(again)).toBe(0);
      }
      expect(await snapshot(subjectA)).toEqual(afterA);
    });

    it('opt-out sets the declared values for A only, and a second opt-out changes nothing', async () => {
      const { connector, subjectA, subjectB, capabilities, snapshot } = current();
      const optOut = capabilities.optOut;
      if (!optOut) {
        return;
      }
      expect(await optOut.isOptedOut(subjectA)).toBe(false);
      expect(await optOut.isOptedOut(subjectB)).toBe(false);
      const beforeB = await snapshot(subjectB);

      const first = await settled(await connector.optOut(subjectA, aContext('opt_out')));
      if (first.state === 'done') {
        expect(totalChanged(first)).toBeGreaterThan(0);
      }
      expect(await optOut.isOptedOut(subjectA)).toBe(true);
      expect(await optOut.isOptedOut(subjectB)).toBe(false);
      expect(await snapshot(subjectB)).toEqual(beforeB);

      const optedOutA = await snapshot(subjectA);
      const second = await settled(await connector.optOut(subjectA, aContext('opt_out')));
      if (second.state === 'done') {
        expect(totalChanged(second)).toBe(0);
      }
      expect(await snapshot(subjectA)).toEqual(optedOutA);
    });
  });
}
