import {
  type ChildrenRule,
  childRuleId,
  type Collection,
  type DataMap,
  type DataSystem,
  type ErasureAction,
  type FieldSpec,
  placeholderText,
  type RetentionRule,
  retentionRuleId,
  type SystemKind,
} from '@rightsdesk/connectors';
import type { DataCategory } from '@rightsdesk/domain';

// The data map as officers read it in the console: what is held where, how a person is found, what
// an erasure does and how long things are kept. Built field by field from the parsed map rather than
// by removing secrets from it, so a new connection setting can never leak by default: connection
// blocks (URLs, buckets, credentials, environment variable names) are simply never read here.

export interface ErasureView {
  action: ErasureAction['action'];
  /** The replacement value, for `replace`. */
  value: string | number | boolean | null;
  /** Why the field is kept, for `keep`. */
  reason: string | null;
}

export interface FieldView {
  name: string;
  category: DataCategory;
  description: string | null;
  rectifiable: boolean;
  secret: boolean;
  erasure: ErasureView;
}

export interface SubjectLookupView {
  /** identity: matching columns; reference: through another collection; key_template: object keys; provider: identities sent; suppression: email digest. */
  by: 'identity' | 'reference' | 'key_template' | 'provider' | 'suppression';
  identities: Array<{ field: string | null; kind: string }>;
  reference: { field: string; collection: string; toField: string } | null;
  keyTemplate: string | null;
}

export interface RetentionView {
  /** `system.collection.rule`: retention runs and holds name the rule by it. */
  id: string;
  name: string;
  field: string;
  period: string;
  action: 'delete' | 'anonymize';
  anonymize: Array<{ field: string; erasure: ErasureView }>;
  condition: { field: string; olderThan: string } | null;
  legalHold: boolean;
  schedule: { cron: string; timezone: string } | null;
}

/** The check that finds accounts of children by their declared birth date (postgres only). */
export interface ChildrenView {
  /** `system.collection.children`. */
  id: string;
  birthDate: string;
  under: number;
  schedule: { cron: string; timezone: string } | null;
}

export interface CollectionView {
  name: string;
  description: string | null;
  /** Where the rows live, for postgres (`public.customers`); null elsewhere. */
  table: string | null;
  /** The category of every object, for s3. */
  category: DataCategory | null;
  subject: SubjectLookupView;
  fields: FieldView[];
  /** Column → value set on an opt-out. */
  optOut: Array<{ field: string; value: string | number | boolean | null }>;
  /** In the order the data map lists them; empty when nothing is deleted or anonymized on a schedule. */
  retention: RetentionView[];
  children: ChildrenView | null;
}

export interface SystemView {
  key: string;
  title: string;
  kind: SystemKind;
  description: string | null;
  purposes: string[];
  recipients: string[];
  collections: CollectionView[];
  /** Postgres: the order erasures run in (children first); empty elsewhere. */
  eraseOrder: string[];
}

export interface DataMapView {
  /** sha256 of the map file: execution certificates name the map they used by it. */
  sha256: string;
  systems: SystemView[];
}

export function dataMapView(map: DataMap): DataMapView {
  return { sha256: map.sha256, systems: map.systems.map(systemView) };
}

function systemView(system: DataSystem): SystemView {
  const providerIdentities =
    system.kind === 'webhook'
      ? system.identities.map((p) => ({ field: null, kind: placeholderText(p) }))
      : system.kind === 'opendsr'
        ? [{ field: null, kind: 'email' }]
        : [];
  return {
    key: system.key,
    title: system.title,
    kind: system.kind,
    description: system.description ?? null,
    purposes: [...system.purposes],
    recipients: [...system.recipients],
    collections: (system.collections as Collection[]).map((collection) => collectionView(system.key, collection, providerIdentities)),
    eraseOrder: system.kind === 'postgres' ? [...system.eraseOrder] : [],
  };
}

function collectionView(systemKey: string, collection: Collection, providerIdentities: SubjectLookupView['identities']): CollectionView {
  return {
    name: collection.name,
    description: collection.description ?? null,
    table: collection.kind === 'postgres' ? `${collection.schema}.${collection.table}` : null,
    category: collection.kind === 's3' ? collection.category : null,
    subject: subjectView(collection, providerIdentities),
    fields: collection.fields.map(fieldView),
    optOut: collection.kind === 'postgres' && collection.optOut ? Object.entries(collection.optOut).map(([field, value]) => ({ field, value })) : [],
    retention: collection.retention.map((rule) => retentionView(retentionRuleId(systemKey, collection.name, rule), rule)),
    children: collection.kind === 'postgres' && collection.children ? childrenView(childRuleId(systemKey, collection.name), collection.children) : null,
  };
}

function subjectView(collection: Collection, providerIdentities: SubjectLookupView['identities']): SubjectLookupView {
  const none = { identities: [], reference: null, keyTemplate: null };
  switch (collection.kind) {
    case 'postgres':
      return collection.subject.by === 'identity'
        ? { ...none, by: 'identity', identities: collection.subject.fields.map((f) => ({ field: f.field, kind: f.identity })) }
        : { ...none, by: 'reference', reference: { field: collection.subject.field, collection: collection.subject.to.collection, toField: collection.subject.to.field } };
    case 's3':
      return { ...none, by: 'key_template', keyTemplate: collection.keyTemplate };
    case 'webhook':
      return { ...none, by: 'provider', identities: providerIdentities };
    case 'suppression':
      return { ...none, by: 'suppression', identities: [{ field: null, kind: 'email' }] };
  }
}

function fieldView(field: FieldSpec): FieldView {
  return {
    name: field.name,
    category: field.category,
    description: field.description ?? null,
    rectifiable: field.rectifiable,
    secret: field.secret,
    erasure: erasureView(field.erasure),
  };
}

function erasureView(erasure: ErasureAction): ErasureView {
  return {
    action: erasure.action,
    value: erasure.action === 'replace' ? erasure.value : null,
    reason: erasure.action === 'keep' ? erasure.reason : null,
  };
}

function retentionView(id: string, rule: RetentionRule): RetentionView {
  return {
    id,
    name: rule.name,
    field: rule.field,
    period: rule.period,
    action: rule.action,
    anonymize: Object.entries(rule.anonymize ?? {}).map(([field, erasure]) => ({ field, erasure: erasureView(erasure) })),
    condition: rule.condition ? { field: rule.condition.field, olderThan: rule.condition.olderThan } : null,
    legalHold: rule.legalHold,
    schedule: rule.schedule ? { cron: rule.schedule.cron, timezone: rule.schedule.timezone } : null,
  };
}

function childrenView(id: string, rule: ChildrenRule): ChildrenView {
  return {
    id,
    birthDate: rule.birthDate,
    under: rule.under,
    schedule: rule.schedule ? { cron: rule.schedule.cron, timezone: rule.schedule.timezone } : null,
  };
}
