import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, envSchema, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  it('builds a typed config with defaults', () => {
    const config = loadConfig(valid);
    expect(config.http).toEqual({ port: 3000, host: '127.0.0.1', publicUrl: 'http://localhost:3000', trustProxy: false, bodyLimitBytes: 65536 });
    expect(config.secretKey).toHaveLength(32);
    expect(config.rateLimits.enabled).toBe(true);
    expect(config.mail.mailboxDir).toBeNull();
  });

  it('derives PUBLIC_URL from PORT and trims a trailing slash', () => {
    expect(loadConfig({ ...valid, PORT: '8080' }).http.publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://privacy.example.com/' }).http.publicUrl).toBe('https://privacy.example.com');
  });

  it('names every missing or malformed variable', () => {
    let error: unknown;
    try {
      loadConfig({ ...valid, DATABASE_URL: undefined, PORT: 'eighty', SECRET_KEY: 'c2hvcnQ=', RATE_LIMIT_ENABLED: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('DATABASE_URL is required but not set');
    expect(problems).toContain('PORT');
    expect(problems).toContain('SECRET_KEY must be at least 32 random bytes');
    expect(problems).toContain('RATE_LIMIT_ENABLED');
  });

  it('rejects a URL with the wrong scheme', () => {
    expect(() => loadConfig({ ...valid, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL must be a URL starting with redis:\/\//);
  });

  it('leaves DRP off by default and checks its base path', () => {
    const defaults = { callbackIntervalSeconds: 10, exercisesPerAgentPerHour: 1000, callbackAllowPrivateNetwork: false };
    expect(loadConfig(valid).drp).toEqual({ businessId: null, basePath: '/drp', ...defaults });
    expect(loadConfig({ ...valid, DRP_BUSINESS_ID: 'acme-corp', DRP_BASE_PATH: '/privacy/drp' }).drp).toEqual({ businessId: 'acme-corp', basePath: '/privacy/drp', ...defaults });
    expect(loadConfig({ ...valid, DRP_CALLBACK_ALLOW_PRIVATE_NETWORK: 'true', DRP_EXERCISES_PER_AGENT_PER_HOUR: '50' }).drp).toMatchObject({ callbackAllowPrivateNetwork: true, exercisesPerAgentPerHour: 50 });
    expect(() => loadConfig({ ...valid, DRP_BASE_PATH: '/api/v1/drp' })).toThrow(/DRP_BASE_PATH must not be under \/api\//);
    expect(() => loadConfig({ ...valid, DRP_BASE_PATH: 'drp/' })).toThrow(/DRP_BASE_PATH must be a path like \/drp/);
    expect(() => loadConfig({ ...valid, DRP_BUSINESS_ID: 'has space' })).toThrow(/DRP_BUSINESS_ID/);
  });

  it('.env.example documents exactly the variables the schema reads', () => {
    const example = readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
