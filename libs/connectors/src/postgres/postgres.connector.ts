import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { optOutScope } from '@rightsdesk/domain';
import { namedStatement } from './named-statement';
import type {
  ActionContext,
  ActionResult,
  CollectionCount,
  CollectionOutcome,
  Connector,
  ExportSink,
  FieldCorrection,
  ResolvedKeys,
  Subject,
} from '../connector';
import { fieldRefKey } from '../connector';
import type { FieldRef, PostgresCollection, PostgresSystem, RetentionRule } from '../datamap/datamap.types';
import type {
  ChildBatch,
  ChildFinder,
  RetentionBatch,
  RetentionCapable,
  RetentionCascade,
  RetentionPlan,
  RetentionWindow,
} from '../retention';
import { findChildren, planChildren } from './child-finder';
import { accessQuery } from './access-query';
import { createConnectorPool, type PostgresConnectorOptions } from './connector-pool';
import { countQuery } from './count-query';
import { streamRows } from './cursor-export';
import { planErasure, type ErasePlan } from './erase-planner';
import { toJsonSafe } from './json-safe';
import { planOptOut, type OptOutPlan } from './opt-out-planner';
import { loadCatalog } from './pg-catalog';
import { inTransaction, READ_WRITE, SNAPSHOT_READ_ONLY, throwIfAborted } from './pg-transaction';
import { checkPostgresSystem } from './postgres-check';
import { connectorFailure, PostgresConnectorError } from './postgres-connector.error';
import { groupCorrections, rectifySubject } from './rectify-subject';
import { resolveKeysQuery } from './resolve-keys-query';
import { planRetention, retentionBatch, type RetentionContext } from './retention-batch';
import { SystemTables } from './system-tables';

export type { PostgresConnectorOptions } from './connector-pool';
export { PostgresConnectorError } from './postgres-connector.error';

/** A company's PostgreSQL database, reached with `pg` directly; every value is a bind parameter. */
export class PostgresConnector implements Connector, RetentionCapable, ChildFinder {
  private readonly pool: Pool;
  private tablesLoading?: Promise<SystemTables>;
  // Retention's hash salt lives only in this process: see retention-sql.ts.
  private readonly retentionSalt = randomBytes(32).toString('hex');

  constructor(
    readonly system: PostgresSystem,
    options: PostgresConnectorOptions,
  ) {
    this.pool = createConnectorPool(options);
  }

  async check(): Promise<string[]> {
    // A check usually follows a schema change: read the catalog afresh next time.
    this.tablesLoading = undefined;
    return checkPostgresSystem(this.pool, this.system);
  }

  async resolveKeys(subject: Subject, wanted: FieldRef[]): Promise<ResolvedKeys> {
    const tables = await this.tables();
    const keys: ResolvedKeys = Object.fromEntries(wanted.map((ref) => [fieldRefKey(ref), []]));
    const query = resolveKeysQuery(tables, subject, wanted);
    if (query) {
      const rows = await this.run<{ i: number; v: string }>(`${this.system.key}: resolve keys`, query.sql, query.values);
      for (const row of rows) {
        keys[fieldRefKey(wanted[row.i])].push(row.v);
      }
    }
    return keys;
  }

  async count(subject: Subject): Promise<CollectionCount[]> {
    const tables = await this.tables();
    const counts: CollectionCount[] = this.system.collections.map((collection) => ({ collection: collection.name, count: 0 }));
    const query = countQuery(tables, subject);
    if (query) {
      const rows = await this.run<{ i: number; n: string }>(`${this.system.key}: count`, query.sql, query.values);
      for (const row of rows) {
        counts[row.i].count = Number(row.n);
      }
    }
    return counts;
  }

  async access(subject: Subject, sink: ExportSink, context: ActionContext): Promise<ActionResult> {
    const tables = await this.tables();
    const queries = this.system.collections.map((collection) => ({ collection, query: accessQuery(tables, collection, subject) }));
    const collections = await this.transaction('access', SNAPSHOT_READ_ONLY, async (client) => {
      const outcomes: CollectionOutcome[] = [];
      for (const { collection, query } of queries) {
        throwIfAborted(context.signal);
        const found = query ? await this.exportCollection(client, collection, query, sink, context.signal) : 0;
        outcomes.push({ collection: collection.name, found, changed: 0, actions: ['export'] });
      }
      return outcomes;
    });
    return { state: 'done', collections };
  }

  async erase(subject: Subject, context: ActionContext): Promise<ActionResult> {
    const tables = await this.tables();
    // Planned before BEGIN: a data map that does not fit the database fails before anything is touched.
    const plans = this.eraseOrder(tables).map((collection) => ({
      collection,
      plan: planErasure(tables, collection, subject, context.hashSalt),
    }));
    // One transaction for the whole system: a failure half-way leaves the subject's data as it was,
    // and a retry starts from the beginning.
    const collections = await this.transaction('erase', READ_WRITE, async (client) => {
      const outcomes: CollectionOutcome[] = [];
      for (const { collection, plan } of plans) {
        throwIfAborted(context.signal);
        outcomes.push({ collection: collection.name, ...(await this.runErase(client, collection, plan)), actions: plan.actions });
      }
      return outcomes;
    });
    return { state: 'done', collections };
  }

  async rectify(subject: Subject, corrections: FieldCorrection[], context: ActionContext): Promise<ActionResult> {
    const tables = await this.tables();
    const groups = groupCorrections(tables, corrections);
    const collections = await this.transaction('rectify', READ_WRITE, (client) =>
      rectifySubject(client, tables, subject, groups, context.signal),
    );
    return { state: 'done', collections };
  }

  async optOut(subject: Subject, context: ActionContext): Promise<ActionResult> {
    // `optOut.set` columns are marketing preferences: an opt-out of sale/sharing alone leaves them.
    if (!optOutScope(context.optOutChannels).marketing) {
      return { state: 'done', collections: [] };
    }
    const tables = await this.tables();
    const plans = this.system.collections
      .map((collection) => ({ collection, plan: planOptOut(tables, collection, subject) }))
      .filter((entry): entry is { collection: PostgresCollection; plan: OptOutPlan } => entry.plan !== null);
    const collections = await this.transaction('opt-out', READ_WRITE, async (client) => {
      const outcomes: CollectionOutcome[] = [];
      for (const { collection, plan } of plans) {
        throwIfAborted(context.signal);
        const counts = plan.sql
          ? await this.counted(client, `${this.system.key}.${collection.name}: opt-out`, plan.sql, plan.values)
          : { found: 0, changed: 0 };
        outcomes.push({ collection: collection.name, ...counts, actions: plan.actions });
      }
      return outcomes;
    });
    return { state: 'done', collections };
  }

  async planRetention(collection: string, rule: RetentionRule, window: RetentionWindow, samples: number): Promise<RetentionPlan> {
    return planRetention(await this.retentionContext(), collection, rule, window, samples);
  }

  async retentionBatch(
    collection: string,
    rule: RetentionRule,
    window: RetentionWindow,
    cursor: string | null,
    limit: number,
    cascade?: RetentionCascade,
  ): Promise<RetentionBatch> {
    return retentionBatch(await this.retentionContext(), collection, rule, window, cursor, limit, cascade);
  }

  async findChildren(collection: string, bornAfter: string, cursor: string | null, limit: number): Promise<ChildBatch> {
    return findChildren(this.pool, await this.tables(), collection, bornAfter, cursor, limit);
  }

  async planChildren(collection: string, bornAfter: string, samples: number): Promise<RetentionPlan> {
    return planChildren(this.pool, await this.tables(), collection, bornAfter, samples);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  // BEGIN, COMMIT and the connection itself can fail too; their errors get the same treatment.
  private async transaction<T>(what: string, begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, begin, work);
    } catch (error) {
      throw connectorFailure(`${this.system.key}: ${what}`, error);
    }
  }

  private async retentionContext(): Promise<RetentionContext> {
    return { pool: this.pool, tables: await this.tables(), salt: this.retentionSalt };
  }

  private tables(): Promise<SystemTables> {
    this.tablesLoading ??= loadCatalog(this.pool, this.system.collections).then(
      (catalog) => {
        // A table that is missing now may be created before the next job: look again then.
        if (catalog.tables.size < this.system.collections.length) {
          this.tablesLoading = undefined;
        }
        return new SystemTables(this.system, catalog);
      },
      (error: unknown) => {
        this.tablesLoading = undefined;
        throw connectorFailure(`${this.system.key}: reading the catalog`, error);
      },
    );
    return this.tablesLoading;
  }

  private eraseOrder(tables: SystemTables): PostgresCollection[] {
    const order = this.system.eraseOrder;
    if (order.length !== this.system.collections.length || new Set(order).size !== order.length) {
      throw new PostgresConnectorError(`${this.system.key}: the erase order does not list every collection exactly once`);
    }
    return order.map((name) => tables.collection(name));
  }

  private async exportCollection(
    client: PoolClient,
    collection: PostgresCollection,
    query: { sql: string; values: unknown[] },
    sink: ExportSink,
    signal: AbortSignal | undefined,
  ): Promise<number> {
    try {
      return await streamRows(
        client,
        query.sql,
        query.values,
        (row) => sink.write(collection.name, toJsonSafe(row) as Record<string, unknown>),
        { signal },
      );
    } catch (error) {
      throw connectorFailure(`${this.system.key}.${collection.name}: access`, error);
    }
  }

  private async runErase(client: PoolClient, collection: PostgresCollection, plan: ErasePlan): Promise<{ found: number; changed: number }> {
    const where = `${this.system.key}.${collection.name}: erase`;
    switch (plan.kind) {
      case 'nothing':
        return { found: 0, changed: 0 };
      case 'delete': {
        try {
          const result = await client.query(namedStatement(plan.sql, plan.values));
          return { found: result.rowCount ?? 0, changed: result.rowCount ?? 0 };
        } catch (error) {
          throw connectorFailure(where, error);
        }
      }
      case 'counted':
        return this.counted(client, where, plan.sql, plan.values);
    }
  }

  private async counted(client: PoolClient, where: string, sql: string, values: unknown[]): Promise<{ found: number; changed: number }> {
    try {
      const { rows } = await client.query<{ found: string; changed: string }>(namedStatement(sql, values));
      return { found: Number(rows[0].found), changed: Number(rows[0].changed) };
    } catch (error) {
      throw connectorFailure(where, error);
    }
  }

  private async run<T extends object>(where: string, sql: string, values: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(namedStatement(sql, values))).rows;
    } catch (error) {
      throw connectorFailure(where, error);
    }
  }
}
