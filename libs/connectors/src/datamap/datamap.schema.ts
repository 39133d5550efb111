import { DATA_CATEGORY_NAMES } from '@rightsdesk/domain';
import { z } from 'zod';
import { ENV_NAME_PATTERN } from './config-value';
import { cronProblem, isTimeZone, knownTimeZones } from './cron-schedule';
import { type ConfigValue, type ErasureAction, IDENTITY_KINDS, SYSTEM_KINDS } from './datamap.types';
import { didYouMean } from './did-you-mean';
import { isoDurationProblem } from './iso-duration';
import { keyTemplateProblems, parseKeyPlaceholder } from './subject-keys';

// The raw YAML of a data map, key by key. This schema checks shape and the syntax of single values
// (names, durations, cron, bucket names, URLs); whatever needs more than one value at once (a
// reference to another collection, a field a key template names) is checked by parseDataMap.

export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
export const COLUMN_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const TABLE_PATTERN = /^(?:[A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const COLLECTION_FIELD_PATTERN = /^[a-z][a-z0-9_]{0,62}\.[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export const SIMPLE_ERASURE_ACTIONS = ['delete_row', 'set_null', 'hash', 'anonymize_ip'] as const;
const ERASURE_ACTION_NAMES = [...SIMPLE_ERASURE_ACTIONS, 'replace', 'keep'];
const ERASURE_ACTION_LIST =
  'delete_row, set_null, hash, anonymize_ip, { replace: <value> } or { keep: "<reason>" }';

/** Marks the issue an unknown key raises, so union branches that disagree with the input's keys can be told apart. */
export const UNKNOWN_KEY_PARAM = 'unknownKey';

function unknownKey(known: string[], hints: Record<string, string>) {
  return z.custom<unknown>(() => false, {
    params: { [UNKNOWN_KEY_PARAM]: true },
    error: (issue) => {
      const key = String(issue.path?.at(-1));
      return hints[key] ?? `unknown key "${key}"${didYouMean(key, known)}`;
    },
  });
}

/**
 * A map with exactly these keys: any other key is an issue of its own, at that key, naming the
 * closest known key. `hints` explains keys that exist elsewhere but have no meaning here.
 */
function strict<Shape extends z.ZodRawShape>(shape: Shape, hints: Record<string, string> = {}) {
  // The catchall never accepts a key, so the output has exactly the shape's keys, as with z.strictObject.
  return z.object(shape).catchall(unknownKey(Object.keys(shape), hints)) as unknown as z.ZodObject<
    Shape,
    z.core.$strict
  >;
}

function oneOf(noun: string, values: readonly string[], list: string) {
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    if (issue.code === 'invalid_value' && issue.input === undefined) {
      return `required key "${String(issue.path?.at(-1) ?? '')}" is missing; ${list}`;
    }
    if (issue.code !== 'invalid_value' || typeof issue.input !== 'string') {
      return undefined;
    }
    return `unknown ${noun} "${issue.input}"${didYouMean(issue.input, values)}; ${list}`;
  };
}

function nonEmptyRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V, what: string) {
  return z
    .record(key, value)
    .refine((record) => Object.keys(record).length > 0, { message: `must declare at least one ${what}` });
}

const name = z
  .string()
  .regex(
    NAME_PATTERN,
    'must be lower case letters, digits and _, starting with a letter (at most 63 characters)',
  );
const column = z
  .string()
  .regex(
    COLUMN_PATTERN,
    'must be a column name: letters, digits and _, not starting with a digit (at most 63 characters)',
  );
const text = z.string().trim().min(1);

export const dataCategorySchema = z.enum(DATA_CATEGORY_NAMES, {
  error: oneOf('data category', DATA_CATEGORY_NAMES, 'see the category table in docs/data-map.md'),
});

const identityKind = z.enum(IDENTITY_KINDS, {
  error: oneOf('identity kind', IDENTITY_KINDS, `one of ${IDENTITY_KINDS.join(', ')}`),
});

const isoDuration = z.string().superRefine((value, ctx) => {
  const problem = isoDurationProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
});

function configValue(inlineProblem?: (value: string) => string | undefined) {
  const inline = z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      const problem = inlineProblem?.(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
      }
    });
  const env = strict({
    env: z.string().regex(ENV_NAME_PATTERN, 'must be an environment variable name such as SHOP_DATABASE_URL'),
  });
  return z
    .union([inline, env], { error: () => 'must be a value or { env: VARIABLE_NAME }' })
    .transform((value): ConfigValue => (typeof value === 'string' ? { value } : { env: value.env }));
}

const secretOnlyFromEnv = (what: string, example: string) =>
  configValue(() => `${what} is a secret: give it as { env: ${example} } so it never sits in the data map`);

function postgresUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a postgres:// URL';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return 'must be a postgres:// URL';
  }
  if (url.password !== '' || url.searchParams.has('password')) {
    return 'contains a password: give the URL as { env: SHOP_DATABASE_URL } so the password never sits in the data map';
  }
  return undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an https:// URL';
  }
  if (url.username !== '' || url.password !== '') {
    return 'must not carry credentials; the request is signed with connection.secret';
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return undefined;
  }
  // Identities travel in the body: plain http is only acceptable on this machine.
  return 'must be an https:// URL (http:// only for localhost or 127.0.0.1)';
}

function endpointProblem(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an http(s):// URL';
  } catch {
    return 'must be an http(s):// URL';
  }
}

// Amazon's general purpose bucket naming rules.
function bucketProblem(value: string): string | undefined {
  if (value.length < 3 || value.length > 63) {
    return 'must be 3 to 63 characters long';
  }
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(value)) {
    return 'must be lower case letters, digits, "." and "-", starting and ending with a letter or digit';
  }
  if (value.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(value)) {
    return 'must not contain ".." or look like an IP address';
  }
  if (/^(xn--|sthree-)/.test(value) || /(-s3alias|--ol-s3)$/.test(value)) {
    return 'uses a prefix or suffix Amazon S3 reserves';
  }
  return undefined;
}

function refined(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) {
      ctx.addIssue({ code: 'custom', message: found });
    }
  });
}

const simpleErasureAction = z.enum(SIMPLE_ERASURE_ACTIONS, {
  error: oneOf('erasure action', ERASURE_ACTION_NAMES, `one of ${ERASURE_ACTION_LIST}`),
});

function erasureActionUnionMessage(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const keys = Object.keys(input);
    if (keys.includes('replace') && keys.includes('keep')) {
      return 'give one action: { replace: <value> } or { keep: "<reason>" }, not both';
    }
    if (keys.length === 1 && keys[0] === 'replace') {
      return 'replace needs a string, number or boolean, e.g. { replace: "[erased]" }';
    }
    const unknown = keys.find((key) => key !== 'replace' && key !== 'keep');
    if (unknown !== undefined) {
      return `unknown erasure action "${unknown}"${didYouMean(unknown, ERASURE_ACTION_NAMES)}; one of ${ERASURE_ACTION_LIST}`;
    }
  }
  return `must be an erasure action: ${ERASURE_ACTION_LIST}`;
}

const KEEP_NEEDS_REASON = 'keep needs the reason the field is kept, e.g. a legal duty';

export const erasureActionSchema: z.ZodType<ErasureAction, unknown> = z.union(
  [
    simpleErasureAction.transform((action): ErasureAction => ({ action })),
    strict({
      replace: z.union([z.string(), z.number(), z.boolean()], {
        error: () => 'replace needs a string, number or boolean, e.g. { replace: "[erased]" }',
      }),
    }).transform((value): ErasureAction => ({ action: 'replace', value: value.replace })),
    strict({
      keep: z
        .string({ error: () => KEEP_NEEDS_REASON })
        .trim()
        .min(1, { error: () => KEEP_NEEDS_REASON }),
    }).transform((value): ErasureAction => ({ action: 'keep', reason: value.keep })),
  ],
  { error: erasureActionUnionMessage },
);

const scheduleSchema = strict({
  cron: refined(cronProblem),
  timezone: z
    .string()
    .superRefine((value, ctx) => {
      if (!isTimeZone(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown time zone "${value}"${didYouMean(value, knownTimeZones())}; an IANA name such as UTC or Europe/Berlin`,
        });
      }
    })
    .default('UTC'),
});

export const retentionRuleSchema = strict({
  name: name.optional(),
  field: column,
  period: isoDuration,
  action: z.enum(['delete', 'anonymize'], {
    error: oneOf('retention action', ['delete', 'anonymize'], 'one of delete, anonymize'),
  }),
  anonymize: z.record(column, erasureActionSchema).optional(),
  condition: strict({ field: column, olderThan: isoDuration }).optional(),
  legalHold: z.boolean().default(false),
  schedule: scheduleSchema.optional(),
});

/** One rule, or a list of named rules (e.g. anonymize after 30 days, delete after 120). */
export const retentionSchema = z
  .union(
    [
      retentionRuleSchema,
      z.array(retentionRuleSchema).min(1, { error: () => 'must list at least one rule' }),
    ],
    { error: () => 'must be a retention rule { field, period, action } or a list of them' },
  )
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const childrenSchema = strict({
  birthDate: column,
  under: z.int().min(1).max(18).default(13),
  schedule: scheduleSchema.optional(),
});

const identityEntry = strict({ field: column, kind: identityKind, index: column.optional() });

export const postgresFieldSchema = strict({
  category: dataCategorySchema,
  description: z.string().optional(),
  rectifiable: z.boolean().default(false),
  secret: z.boolean().default(false),
  erasure: erasureActionSchema.optional(),
});

// The readers pass z.unknown() for fields and retention and read those pieces one by one, so each
// problem is reported at its own key; the whole-map schema below checks them in place.
export function postgresCollectionSchemaOf<F extends z.ZodType, R extends z.ZodType>(field: F, retention: R) {
  return strict({
    table: z.string().regex(TABLE_PATTERN, 'must be a table name or schema.table, e.g. public.customers'),
    description: z.string().optional(),
    primaryKey: column.default('id'),
    identity: z
      .union(
        [identityEntry, z.array(identityEntry).min(1, { error: () => 'must list at least one identity' })],
        {
          error: () => 'must be { field, kind } or a list of them',
        },
      )
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
    reference: strict({
      field: column,
      to: z.string().regex(COLLECTION_FIELD_PATTERN, 'must be collection.field, e.g. customers.id'),
      index: column.optional(),
    }).optional(),
    erasure: erasureActionSchema.optional(),
    fields: nonEmptyRecord(column, field, 'field'),
    optOut: strict({
      set: nonEmptyRecord(column, z.union([z.string(), z.number(), z.boolean(), z.null()]), 'column to set'),
    }).optional(),
    retention: retention.optional(),
    children: childrenSchema.optional(),
  });
}

export const postgresCollectionSchema = postgresCollectionSchemaOf(postgresFieldSchema, retentionSchema);

const keyTemplate = z.string().superRefine((value, ctx) => {
  for (const problem of keyTemplateProblems(value)) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
  for (const placeholder of new Set([...value.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]))) {
    if (!parseKeyPlaceholder(placeholder)) {
      ctx.addIssue({
        code: 'custom',
        message: `placeholder {${placeholder}} must be an identity kind (${IDENTITY_KINDS.join(', ')})${didYouMean(placeholder, IDENTITY_KINDS)} or system.collection.field`,
      });
    }
  }
});

export function s3CollectionSchemaOf<R extends z.ZodType>(retention: R) {
  return strict(
    {
      keyTemplate,
      category: dataCategorySchema,
      description: z.string().optional(),
      retention: retention.optional(),
    },
    { children: 'only a postgres collection can find accounts by their birth date' },
  );
}

export const s3CollectionSchema = s3CollectionSchemaOf(retentionSchema);

const PROVIDER_FIELD_HINTS = {
  erasure: 'a provider field takes no erasure action: the provider erases its own data when asked',
  rectifiable: 'a provider field cannot be rectifiable: Rightsdesk does not write to the provider',
  secret: 'a provider field cannot be secret: the provider decides what it returns',
};

export const webhookCollectionSchema = strict({
  description: z.string().optional(),
  fields: nonEmptyRecord(
    column,
    strict({ category: dataCategorySchema, description: z.string().optional() }, PROVIDER_FIELD_HINTS),
    'field',
  ),
});

const webhookIdentity = z.string().superRefine((value, ctx) => {
  if (!parseKeyPlaceholder(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must be an identity kind (${IDENTITY_KINDS.join(', ')})${didYouMean(value, IDENTITY_KINDS)} or system.collection.field`,
    });
  }
});

const systemCommon = {
  title: text,
  description: z.string().optional(),
  purposes: z.array(text).default([]),
  recipients: z.array(text).default([]),
  concurrency: z.int().min(1).max(64).default(2),
};

export const systemKindSchema = z.enum(SYSTEM_KINDS, {
  error: oneOf('system kind', SYSTEM_KINDS, `one of ${SYSTEM_KINDS.join(', ')}`),
});

/** Just enough of a system to pick the schema for the rest. */
export const systemHeadSchema = z.object({ kind: systemKindSchema });

export function postgresSystemSchemaOf<C extends z.ZodType>(collection: C) {
  return strict({
    kind: z.literal('postgres'),
    ...systemCommon,
    connection: strict({ url: configValue(postgresUrlProblem) }),
    collections: nonEmptyRecord(name, collection, 'collection'),
  });
}

export function s3SystemSchemaOf<C extends z.ZodType>(collection: C) {
  return strict({
    kind: z.literal('s3'),
    ...systemCommon,
    connection: strict({
      bucket: refined(bucketProblem),
      region: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a region name such as eu-central-1')
        .default('us-east-1'),
      endpoint: configValue(endpointProblem).optional(),
      accessKeyId: configValue().optional(),
      secretAccessKey: secretOnlyFromEnv('secretAccessKey', 'AVATARS_S3_SECRET_ACCESS_KEY').optional(),
      forcePathStyle: z.boolean().default(false),
    }),
    collections: nonEmptyRecord(name, collection, 'collection'),
  });
}

export function webhookSystemSchemaOf<C extends z.ZodType>(collection: C) {
  return strict({
    kind: z.literal('webhook'),
    ...systemCommon,
    connection: strict({
      url: configValue(webhookUrlProblem),
      secret: secretOnlyFromEnv('the signing secret', 'CRM_WEBHOOK_SECRET'),
      timeoutMs: z.int().min(100).max(600_000).default(10_000),
      callbackDeadlineHours: z.int().min(1).max(8760).default(72),
    }),
    identities: z.array(webhookIdentity).min(1, { error: () => 'must list at least one identity to send' }),
    // Which opt-outs the provider is told of: `marketing` (it sends promotions for us) and/or
    // `sale_sharing` (we sell or share personal information with it, 11 CCR §7026(f)). A provider
    // that reads every opt_out as "unsubscribe" must not get a sale/sharing-only one by default.
    optOuts: z
      .array(z.enum(['marketing', 'sale_sharing']))
      .refine((list) => new Set(list).size === list.length, { error: () => 'lists a kind of opt-out twice' })
      .default(['marketing']),
    collections: nonEmptyRecord(name, collection, 'collection'),
  });
}

// A host name as the processor puts it in its domain header and certificate, compared lower case.
const DOMAIN_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

const extensionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);

// The webhook rule (https, http only on this machine); credentials belong in connection.token.
function processorUrlProblem(value: string): string | undefined {
  const problem = webhookUrlProblem(value);
  return problem?.startsWith('must not carry credentials') ? 'must not carry credentials; give an API token as connection.token' : problem;
}

export function openDsrSystemSchemaOf<C extends z.ZodType>(collection: C) {
  return strict({
    kind: z.literal('opendsr'),
    ...systemCommon,
    connection: strict({
      url: configValue(processorUrlProblem),
      version: z.union([z.literal(1), z.literal(2)], { error: () => 'must be 2 (OpenDSR) or 1 (OpenGDPR)' }).default(2),
      token: secretOnlyFromEnv('the API token', 'ADS_OPENDSR_TOKEN').optional(),
      allowedDomains: z
        .array(z.string().trim().toLowerCase().regex(DOMAIN_PATTERN, 'must be a host name such as opendsr.processor.example'))
        .min(1, { error: () => 'must list at least one processor domain whose callbacks are accepted' }),
      trustedCertificates: configValue().optional(),
      timeoutMs: z.int().min(100).max(600_000).default(10_000),
      callbackDeadlineHours: z.int().min(1).max(8760).default(720),
      pollIntervalMinutes: z.int().min(1).max(10_080).default(60),
    }),
    regulation: z.enum(['gdpr', 'ccpa'], { error: oneOf('regulation', ['gdpr', 'ccpa'], 'gdpr or ccpa') }).default('gdpr'),
    accessAs: z
      .enum(['access', 'portability'], { error: oneOf('request type', ['access', 'portability'], 'access or portability') })
      .default('access'),
    extensions: z
      .record(
        z.string().regex(DOMAIN_PATTERN, 'must be the processor domain the extension is for'),
        z.record(z.string().min(1).max(100), extensionValue),
      )
      .optional(),
    collections: nonEmptyRecord(name, collection, 'collection'),
  });
}

export const suppressionSystemSchema = strict(
  { kind: z.literal('suppression'), ...systemCommon },
  {
    connection: 'a suppression system has no connection: Rightsdesk keeps the list in its own database',
    collections: 'a suppression system has no collections: Rightsdesk keeps one list of hashed emails',
  },
);

export const postgresSystemSchema = postgresSystemSchemaOf(postgresCollectionSchema);
export const s3SystemSchema = s3SystemSchemaOf(s3CollectionSchema);
export const webhookSystemSchema = webhookSystemSchemaOf(webhookCollectionSchema);
export const openDsrSystemSchema = openDsrSystemSchemaOf(webhookCollectionSchema);

function versionMessage(issue: z.core.$ZodRawIssue): string {
  return issue.input === undefined
    ? 'required key "version" is missing; a data map starts with version: 1'
    : 'must be 1 (the only data map format so far)';
}

export const dataMapHeadSchema = strict({
  version: z.literal(1, { error: versionMessage }),
  systems: nonEmptyRecord(name, z.unknown(), 'system'),
});

/** The whole raw data map in one schema (parseDataMap applies the same parts piece by piece). */
export const dataMapSchema = strict({
  version: z.literal(1, { error: versionMessage }),
  systems: nonEmptyRecord(
    name,
    z.discriminatedUnion('kind', [
      postgresSystemSchema,
      s3SystemSchema,
      webhookSystemSchema,
      openDsrSystemSchema,
      suppressionSystemSchema,
    ]),
    'system',
  ),
});

export type RawPostgresField = z.output<typeof postgresFieldSchema>;
export type RawPostgresCollection = z.output<typeof postgresCollectionSchema>;
export type RawS3Collection = z.output<typeof s3CollectionSchema>;
export type RawWebhookCollection = z.output<typeof webhookCollectionSchema>;
export type RawRetentionRule = z.output<typeof retentionRuleSchema>;
export type RawChildren = z.output<typeof childrenSchema>;
export type RawDataMap = z.output<typeof dataMapSchema>;
