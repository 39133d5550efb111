import type { OptOutChannel, RequestType } from '@rightsdesk/domain';
import type { DataSystem, FieldRef, IdentityKind } from './datamap/datamap.types';

/** What the request tells us about its data subject, normalized (emails lower-cased and trimmed). */
export type SubjectIdentities = Record<IdentityKind, string[]>;

/** Values of fields other systems key their data by, keyed `system.collection.field`. */
export type ResolvedKeys = Record<string, string[]>;

export interface Subject {
  identities: SubjectIdentities;
  keys: ResolvedKeys;
}

export interface CollectionCount {
  collection: string;
  /** Rows or objects held for the subject; null when the system cannot tell (a provider). */
  count: number | null;
}

export interface CollectionOutcome {
  collection: string;
  /** Rows or objects that matched the subject. */
  found: number;
  /** Rows or objects this run actually changed or deleted (0 on a repeated run). */
  changed: number;
  /** What was done, e.g. `delete_row`, `set_null:name`, `hash:email`, `opt_out:marketing_opt_in`. */
  actions: string[];
}

export type ActionResult =
  // `notes`: things an officer should know that are not failures (a provider reported a collection
  // the data map does not declare). Never values.
  | { state: 'done'; collections: CollectionOutcome[]; notes?: string[] }
  // A provider accepted the request and will answer through a signed callback.
  | { state: 'pending'; providerReference: string };

export interface ActionContext {
  requestId: string;
  requestType: RequestType;
  /** Secret salt for the `hash` erasure action, derived per system from SECRET_KEY. */
  hashSalt: Buffer;
  /** Where a provider posts its answer (webhook and opendsr systems). */
  callbackUrl?: string;
  /** The execution run; an OpenDSR `subject_request_id` is per request and run. */
  run?: number;
  /**
   * Opt-out only: what the person opted out of (see `optOutScope`). Absent means marketing only,
   * the meaning opt-outs had before sale/sharing existed.
   */
  optOutChannels?: readonly OptOutChannel[];
  signal?: AbortSignal;
}

/** One correction resolved against the data map: which field of which collection gets which value. */
export interface FieldCorrection {
  collection: string;
  field: string;
  value: string;
}

export interface ExportedFileMeta {
  key: string;
  size: number;
  contentType?: string;
  lastModified?: string;
}

/**
 * Receives an access export as it streams. `write` resolves when the record is safely buffered, so
 * awaiting it gives back-pressure: a subject with 100,000 rows never sits in memory at once.
 */
export interface ExportSink {
  write(collection: string, record: Record<string, unknown>): Promise<void>;
}

export interface Connector {
  readonly system: DataSystem;
  /** Checks the data map against the real system (reachable, tables, columns, indexes); returns problems. */
  check(): Promise<string[]>;
  /** Values of `wanted` fields (all in this system) for the subject: what other systems key by. */
  resolveKeys(subject: Subject, wanted: FieldRef[]): Promise<ResolvedKeys>;
  /** Counts the subject's rows or objects per collection. Changes nothing. */
  count(subject: Subject): Promise<CollectionCount[]>;
  /** Streams the subject's records (secrets left out) into the sink, collection by collection. */
  access(subject: Subject, sink: ExportSink, context: ActionContext): Promise<ActionResult>;
  erase(subject: Subject, context: ActionContext): Promise<ActionResult>;
  rectify(subject: Subject, corrections: FieldCorrection[], context: ActionContext): Promise<ActionResult>;
  optOut(subject: Subject, context: ActionContext): Promise<ActionResult>;
  close(): Promise<void>;
}

/** Object stores also hand out the objects themselves for the access package. */
export interface FileSource {
  openFile(key: string): Promise<NodeJS.ReadableStream>;
}

export function hasFiles(connector: Connector): connector is Connector & FileSource {
  return typeof (connector as Partial<FileSource>).openFile === 'function';
}

/** `marketing`: no promotional contact; `sale_sharing`: do not sell or share (CCPA §1798.120). */
export type SuppressionListName = 'marketing' | 'sale_sharing';

/** Rightsdesk's own suppression lists, reached through a port so connectors stay free of our schema. */
export interface SuppressionStore {
  /** Adds sha256 hex digests of normalized emails to one list; returns how many were new there. */
  add(emailHashes: string[], source: string, list: SuppressionListName): Promise<number>;
  /** How many of these digests are on the list, or on either list when none is named. */
  count(emailHashes: string[], list?: SuppressionListName): Promise<number>;
}

export function emptyIdentities(): SubjectIdentities {
  return { email: [], phone: [], username: [], user_id: [] };
}

export function fieldRefKey(ref: FieldRef): string {
  return `${ref.system}.${ref.collection}.${ref.field}`;
}
