import { z } from 'zod';

// Every variable the processes read, validated once at boot. `.env.example` documents the same list;
// a test keeps the two in step.
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const cron = (example: string) =>
  z
    .string()
    .regex(/^\S+( \S+){4}$/, `must be a cron expression with five fields, such as "${example}"`);

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone, such as Europe/Berlin' },
);

// California (11 CCR §7101) has businesses keep request records for at least 24 months; shorter
// would break the law, so the setting only takes years and months adding up to at least that.
const requestRecordRetention = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?$/, 'must be years and/or months as ISO 8601, such as P24M or P3Y')
  .refine(
    (text) => {
      const years = Number(/(\d+)Y/.exec(text)?.[1] ?? 0);
      const months = Number(/(\d+)M/.exec(text)?.[1] ?? 0);
      return years * 12 + months >= 24;
    },
    { message: 'must be at least 24 months (P24M): California requires keeping request records that long' },
  );

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  TRUST_PROXY: booleanString.default(false),
  BODY_LIMIT_BYTES: positiveInt(64 * 1024),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: url(['redis:', 'rediss:']),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, 'must be 1-40 letters, digits, "_" or "-"')
    .default('rightsdesk'),
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().min(3).default('Rightsdesk <privacy@localhost>'),
  COMPANY_NAME: z.string().min(1).max(100).default('Rightsdesk Demo Company'),
  BRAND_PRIMARY_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
    .default('#1d4ed8'),
  BRAND_LOGO_FILE: z.string().min(1).optional(),
  PRIVACY_POLICY_URL: url(['https:', 'http:']).optional(),
  SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length >= 32, {
      message: 'must be at least 32 random bytes, base64-encoded (openssl rand -base64 32)',
    }),
  VERIFICATION_TTL_HOURS: positiveInt(24),
  VERIFICATION_MAX_ATTEMPTS: positiveInt(5),
  VERIFICATION_RESEND_INTERVAL_SECONDS: positiveInt(300),
  UNVERIFIED_EXPIRY_DAYS: positiveInt(7),
  REGIME_FALLBACK: z.enum(['gdpr', 'uk_gdpr', 'ccpa', 'lgpd', 'us_state']).default('gdpr'),
  RATE_LIMIT_ENABLED: booleanString.default(true),
  RATE_LIMIT_INTAKE_PER_IP_PER_HOUR: positiveInt(30),
  RATE_LIMIT_INTAKE_PER_EMAIL_PER_HOUR: positiveInt(5),
  RATE_LIMIT_VERIFY_PER_IP_PER_HOUR: positiveInt(60),
  RATE_LIMIT_STATUS_PER_IP_PER_HOUR: positiveInt(600),
  RATE_LIMIT_REPLY_PER_IP_PER_HOUR: positiveInt(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  WORKER_CONCURRENCY: positiveInt(10),
  OUTBOX_POLL_INTERVAL_MS: positiveInt(250),
  OUTBOX_RECOVER_AFTER_SECONDS: positiveInt(120),
  DATAMAP_PATH: z.string().min(1).optional(),
  PACKAGE_DIR: z.string().min(1).default('data/access-packages'),
  ACCESS_PACKAGE_TTL_DAYS: positiveInt(7),
  ACCESS_PACKAGE_MAX_DOWNLOADS: positiveInt(5),
  OFFICERS_EMAIL: z.string().trim().check(z.email()).default('privacy-team@localhost.localdomain'),
  EXECUTION_ATTEMPTS: positiveInt(6),
  EXECUTION_BACKOFF_MS: positiveInt(10_000),
  RECONCILE_INTERVAL_SECONDS: positiveInt(60),
  RECONCILE_AFTER_SECONDS: positiveInt(30),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  SESSION_COOKIE_SECURE: booleanString.default(true),
  LOGIN_LOCKOUT_THRESHOLD: positiveInt(5),
  LOGIN_LOCKOUT_SECONDS: positiveInt(60),
  LOGIN_LOCKOUT_MAX_SECONDS: positiveInt(3600),
  RATE_LIMIT_LOGIN_PER_IP_PER_HOUR: positiveInt(60),
  TOTP_REQUIRED_FOR_ADMINS: booleanString.default(false),
  UPLOAD_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  UPLOAD_MAX_FILES: positiveInt(3),
  DIGEST_CRON: cron('0 7 * * 1-5').default('0 7 * * *'),
  DIGEST_TIMEZONE: timeZone.default('UTC'),
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(5000),
  RETENTION_BATCH_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  RETENTION_CRON: cron('0 2 * * *').default('0 2 * * *'),
  RETENTION_TIMEZONE: timeZone.default('UTC'),
  RETENTION_LEASE_SECONDS: positiveInt(300),
  RETENTION_MAX_ERRORS: positiveInt(5),
  REQUEST_RECORD_RETENTION: requestRecordRetention.default('P24M'),
  MAILBOX_DIR: z.string().min(1).optional(),
  // The Data Rights Protocol's business-id for this company (docs/drp.md); unset: DRP is off.
  DRP_BUSINESS_ID: z
    .string()
    .trim()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits and . _ : - (as the agents know it)')
    .optional(),
  // Outside /api/v1/: DRP bodies are signed text, not our JSON API, and carry DRP's own error shape.
  DRP_BASE_PATH: z
    .string()
    .regex(/^(\/[a-z0-9][a-z0-9._-]*)+$/, 'must be a path like /drp or /privacy/drp (lowercase, no trailing slash)')
    .refine((p) => p !== '/api' && !p.startsWith('/api/'), 'must not be under /api/ (that is the JSON API)')
    .default('/drp'),
  // How often the worker looks for DRP requests whose status an agent's callback has not had yet.
  DRP_CALLBACK_INTERVAL_SECONDS: positiveInt(10),
  // Each exercise emails the consumer: a leaked token or a looping agent must not flood inboxes.
  DRP_EXERCISES_PER_AGENT_PER_HOUR: positiveInt(1000),
  // Status callbacks go to public addresses only; on for tests and local agents (loopback, private).
  DRP_CALLBACK_ALLOW_PRIVATE_NETWORK: booleanString.default(false),
  DEMO_MODE: booleanString.default(false),
});

export type Env = z.input<typeof envSchema>;

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { port: number; host: string; publicUrl: string; trustProxy: boolean; bodyLimitBytes: number };
  database: { url: string; poolSize: number };
  redis: { url: string; queuePrefix: string };
  mail: { smtpUrl: string; from: string; mailboxDir: string | null };
  company: { name: string };
  /** The privacy center's look: the company's colour, logo (a local file, served from our origin) and policy link. */
  brand: { primaryColor: string; logoFile: string | null; privacyPolicyUrl: string | null };
  secretKey: Buffer;
  verification: { ttlHours: number; maxAttempts: number; resendIntervalSeconds: number; unverifiedExpiryDays: number };
  regimeFallback: 'gdpr' | 'uk_gdpr' | 'ccpa' | 'lgpd' | 'us_state';
  rateLimits: {
    enabled: boolean;
    intakePerIpPerHour: number;
    intakePerEmailPerHour: number;
    verifyPerIpPerHour: number;
    statusPerIpPerHour: number;
    /** Requesters' answers to information requests (with uploads). */
    replyPerIpPerHour: number;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  worker: { healthPort: number; concurrency: number; outboxPollIntervalMs: number; outboxRecoverAfterSeconds: number };
  execution: {
    /** No data map: requests can be filed and reviewed, but approval has nothing to execute against. */
    dataMapPath: string | null;
    packageDir: string;
    packageTtlDays: number;
    packageMaxDownloads: number;
    /** Tries per system before it is marked failed; the wait doubles from backoffMs. */
    attempts: number;
    backoffMs: number;
    reconcileIntervalSeconds: number;
    /** An approved or running request untouched this long has its jobs checked by the reconciler. */
    reconcileAfterSeconds: number;
  };
  /** Where failure notices go: the privacy team's shared address. */
  officers: { email: string };
  console: {
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    /** Off only for plain-http development setups that are not on localhost. */
    cookieSecure: boolean;
    /** Wrong passwords in a row before the account locks; each further lock doubles, up to the max. */
    lockoutThreshold: number;
    lockoutSeconds: number;
    lockoutMaxSeconds: number;
    loginPerIpPerHour: number;
    totpRequiredForAdmins: boolean;
    uploadMaxBytes: number;
    uploadMaxFiles: number;
    digestCron: string;
    digestTimezone: string;
  };
  retention: {
    batchSize: number;
    batchPauseMs: number;
    /** For rules that name no schedule of their own, Rightsdesk's own included. */
    defaultSchedule: { cron: string; timezone: string };
    leaseSeconds: number;
    maxErrors: number;
    /** ISO 8601 (years/months) a closed request keeps its personal data before it is minimized. */
    requestRecordPeriod: string;
  };
  /** Data Rights Protocol 1.0 (authorized agents): off while businessId is null. */
  drp: { businessId: string | null; basePath: string; callbackIntervalSeconds: number; exercisesPerAgentPerHour: number; callbackAllowPrivateNetwork: boolean };
  demoMode: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
        return missing ? `${name} is required but not set` : `${name} ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      trustProxy: e.TRUST_PROXY,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, mailboxDir: e.MAILBOX_DIR ?? null },
    company: { name: e.COMPANY_NAME },
    brand: { primaryColor: e.BRAND_PRIMARY_COLOR.toLowerCase(), logoFile: e.BRAND_LOGO_FILE ?? null, privacyPolicyUrl: e.PRIVACY_POLICY_URL ?? null },
    secretKey: Buffer.from(e.SECRET_KEY, 'base64'),
    verification: {
      ttlHours: e.VERIFICATION_TTL_HOURS,
      maxAttempts: e.VERIFICATION_MAX_ATTEMPTS,
      resendIntervalSeconds: e.VERIFICATION_RESEND_INTERVAL_SECONDS,
      unverifiedExpiryDays: e.UNVERIFIED_EXPIRY_DAYS,
    },
    regimeFallback: e.REGIME_FALLBACK,
    rateLimits: {
      enabled: e.RATE_LIMIT_ENABLED,
      intakePerIpPerHour: e.RATE_LIMIT_INTAKE_PER_IP_PER_HOUR,
      intakePerEmailPerHour: e.RATE_LIMIT_INTAKE_PER_EMAIL_PER_HOUR,
      verifyPerIpPerHour: e.RATE_LIMIT_VERIFY_PER_IP_PER_HOUR,
      statusPerIpPerHour: e.RATE_LIMIT_STATUS_PER_IP_PER_HOUR,
      replyPerIpPerHour: e.RATE_LIMIT_REPLY_PER_IP_PER_HOUR,
    },
    logLevel: e.LOG_LEVEL,
    worker: {
      healthPort: e.WORKER_HEALTH_PORT,
      concurrency: e.WORKER_CONCURRENCY,
      outboxPollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
      outboxRecoverAfterSeconds: e.OUTBOX_RECOVER_AFTER_SECONDS,
    },
    execution: {
      dataMapPath: e.DATAMAP_PATH ?? null,
      packageDir: e.PACKAGE_DIR,
      packageTtlDays: e.ACCESS_PACKAGE_TTL_DAYS,
      packageMaxDownloads: e.ACCESS_PACKAGE_MAX_DOWNLOADS,
      attempts: e.EXECUTION_ATTEMPTS,
      backoffMs: e.EXECUTION_BACKOFF_MS,
      reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
      reconcileAfterSeconds: e.RECONCILE_AFTER_SECONDS,
    },
    officers: { email: e.OFFICERS_EMAIL },
    console: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.SESSION_COOKIE_SECURE,
      lockoutThreshold: e.LOGIN_LOCKOUT_THRESHOLD,
      lockoutSeconds: e.LOGIN_LOCKOUT_SECONDS,
      lockoutMaxSeconds: e.LOGIN_LOCKOUT_MAX_SECONDS,
      loginPerIpPerHour: e.RATE_LIMIT_LOGIN_PER_IP_PER_HOUR,
      totpRequiredForAdmins: e.TOTP_REQUIRED_FOR_ADMINS,
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      uploadMaxFiles: e.UPLOAD_MAX_FILES,
      digestCron: e.DIGEST_CRON,
      digestTimezone: e.DIGEST_TIMEZONE,
    },
    retention: {
      batchSize: e.RETENTION_BATCH_SIZE,
      batchPauseMs: e.RETENTION_BATCH_PAUSE_MS,
      defaultSchedule: { cron: e.RETENTION_CRON, timezone: e.RETENTION_TIMEZONE },
      leaseSeconds: e.RETENTION_LEASE_SECONDS,
      maxErrors: e.RETENTION_MAX_ERRORS,
      requestRecordPeriod: e.REQUEST_RECORD_RETENTION,
    },
    drp: {
      businessId: e.DRP_BUSINESS_ID ?? null,
      basePath: e.DRP_BASE_PATH,
      callbackIntervalSeconds: e.DRP_CALLBACK_INTERVAL_SECONDS,
      exercisesPerAgentPerHour: e.DRP_EXERCISES_PER_AGENT_PER_HOUR,
      callbackAllowPrivateNetwork: e.DRP_CALLBACK_ALLOW_PRIVATE_NETWORK,
    },
    demoMode: e.DEMO_MODE,
  };
}
