import type { DataCategory } from '@rightsdesk/domain';

// The parsed, normalized data map. The YAML a company writes is documented in docs/data-map.md;
// `parseDataMap` turns it into these types (every default filled in, every reference checked).

export const SYSTEM_KINDS = ['postgres', 's3', 'webhook', 'opendsr', 'suppression'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** What a request can tell us about its data subject. Names are never an identity: two people share them. */
export const IDENTITY_KINDS = ['email', 'phone', 'username', 'user_id'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export type ErasureAction =
  | { action: 'delete_row' }
  | { action: 'set_null' }
  | { action: 'replace'; value: string | number | boolean }
  | { action: 'hash' }
  | { action: 'anonymize_ip' }
  | { action: 'keep'; reason: string };

export type ErasureActionName = ErasureAction['action'];

export interface FieldSpec {
  name: string;
  category: DataCategory;
  description?: string;
  /** The data subject may ask to correct it. */
  rectifiable: boolean;
  /** Password hashes, tokens: declared as held, never exported. */
  secret: boolean;
  erasure: ErasureAction;
}

/** A field in another collection, written `system.collection.field` in the YAML. */
export interface FieldRef {
  system: string;
  collection: string;
  field: string;
}

/** How the data subject's rows are found in a collection. */
export type SubjectLink =
  // Matched directly: any of these columns equals one of the subject's identities of that kind.
  | { by: 'identity'; fields: Array<{ field: string; identity: IdentityKind; index?: string }> }
  // Same-system reference: `orders.customer_id → customers.id`.
  | { by: 'reference'; field: string; to: { collection: string; field: string }; index?: string };

/** When a rule runs: a five-field cron expression in an IANA time zone. */
export interface RetentionSchedule {
  cron: string;
  timezone: string;
}

export interface RetentionRule {
  /** Unique within its collection; defaults to the action (`delete`, `anonymize`). */
  name: string;
  /** Timestamp column the period counts from. */
  field: string;
  /** ISO 8601 duration, e.g. P90D. */
  period: string;
  action: 'delete' | 'anonymize';
  /** Per-field actions when `action` is anonymize. */
  anonymize?: Record<string, ErasureAction>;
  /** Optional: only rows whose `field` is also older than `olderThan` (e.g. inactive accounts). */
  condition?: { field: string; olderThan: string };
  legalHold: boolean;
  schedule?: RetentionSchedule;
}

/** Finds accounts whose declared birth date makes them younger than `under`, for officer review. */
export interface ChildrenRule {
  /** Column holding the declared date of birth. */
  birthDate: string;
  /** Age in whole years below which an account is a child's (default 13). */
  under: number;
  schedule?: RetentionSchedule;
}

interface CollectionBase {
  name: string;
  description?: string;
  fields: FieldSpec[];
  /** Always a list: empty when the collection declares no retention. */
  retention: RetentionRule[];
}

export interface PostgresCollection extends CollectionBase {
  kind: 'postgres';
  /** Schema-qualified: `public.customers`. */
  schema: string;
  table: string;
  primaryKey: string;
  subject: SubjectLink;
  /** Column → value set when the subject opts out of marketing. */
  optOut?: Record<string, string | number | boolean | null>;
  children?: ChildrenRule;
}

export type KeyPlaceholder = { kind: 'identity'; identity: IdentityKind } | { kind: 'field'; ref: FieldRef };

export interface S3Collection extends CollectionBase {
  kind: 's3';
  /** e.g. `avatars/{shop_db.customers.id}/` — every object under the expanded prefix belongs to the subject. */
  keyTemplate: string;
  placeholders: KeyPlaceholder[];
  category: DataCategory;
}

export interface WebhookCollection extends CollectionBase {
  kind: 'webhook';
}

export interface SuppressionCollection extends CollectionBase {
  kind: 'suppression';
}

export type Collection = PostgresCollection | S3Collection | WebhookCollection | SuppressionCollection;

/** A secret or URL given inline or, preferably, by the name of an environment variable. */
export type ConfigValue = { value: string } | { env: string };

interface SystemBase {
  key: string;
  title: string;
  description?: string;
  purposes: string[];
  recipients: string[];
  /** Most jobs of this system running at once across all workers. */
  concurrency: number;
}

export interface PostgresSystem extends SystemBase {
  kind: 'postgres';
  connection: { url: ConfigValue };
  collections: PostgresCollection[];
  /** Derived from references: children before parents. */
  eraseOrder: string[];
}

export interface S3System extends SystemBase {
  kind: 's3';
  connection: {
    bucket: string;
    region: string;
    endpoint?: ConfigValue;
    accessKeyId?: ConfigValue;
    secretAccessKey?: ConfigValue;
    forcePathStyle: boolean;
  };
  collections: S3Collection[];
}

export interface WebhookSystem extends SystemBase {
  kind: 'webhook';
  connection: {
    url: ConfigValue;
    secret: ConfigValue;
    timeoutMs: number;
    /** No callback by then → the system needs an officer's attention. */
    callbackDeadlineHours: number;
  };
  /** Identities sent to the provider: identity kinds and fields of other systems. */
  identities: KeyPlaceholder[];
  /** The opt-outs the provider takes part in (default: marketing only). */
  optOuts: Array<'marketing' | 'sale_sharing'>;
  collections: WebhookCollection[];
}

export interface SuppressionSystem extends SystemBase {
  kind: 'suppression';
  collections: SuppressionCollection[];
}

/** OpenDSR major version a processor speaks: 2 (`/v2/requests`) or 1, OpenGDPR (`/v1/opengdpr_requests`). */
export type OpenDsrVersion = 1 | 2;

/** A processor that takes requests by the OpenDSR (formerly OpenGDPR) specification. */
export interface OpenDsrSystem extends SystemBase {
  kind: 'opendsr';
  connection: {
    /** The processor's OpenDSR root; `/v<version>/discovery` etc. are appended. */
    url: ConfigValue;
    version: OpenDsrVersion;
    /** Bearer token for the processor's API, if it asks for one (the spec leaves API auth to it). */
    token?: ConfigValue;
    /** Domains whose signed callbacks and certificates are accepted, lower case. */
    allowedDomains: string[];
    /** Extra PEM certificates trusted as roots (a private CA, or a pinned certificate). */
    trustedCertificates?: ConfigValue;
    timeoutMs: number;
    callbackDeadlineHours: number;
    /** How often a request still waiting for a callback is polled for its status. */
    pollIntervalMinutes: number;
  };
  /** `regulation` sent with v2 requests. */
  regulation: 'gdpr' | 'ccpa';
  /** What an access request is sent as: `access`, or `portability` when the processor should return portable data. */
  accessAs: 'access' | 'portability';
  /** Processor-specific request fields, keyed by processor domain, sent as the spec's `extensions`. */
  extensions?: Record<string, Record<string, unknown>>;
  /** Provider collections: what the processor holds, for access packages and certificates. */
  collections: WebhookCollection[];
}

export type DataSystem = PostgresSystem | S3System | WebhookSystem | OpenDsrSystem | SuppressionSystem;

export interface DataMap {
  version: 1;
  /** The file it was loaded from, for messages. */
  file: string;
  /** sha256 of the file's bytes: recorded with every execution so a certificate names the map it used. */
  sha256: string;
  systems: DataSystem[];
}

export interface DataMapIssue {
  file: string;
  /** 1-based; 0 when the problem is not tied to a place in the file. */
  line: number;
  column: number;
  /** Dotted path of the offending key, e.g. `systems.shop_db.collections.orders.reference.to`. */
  path: string;
  message: string;
}
