import { Client } from 'pg';
import { testEnv } from './test-env';

describe('testEnv', () => {
  it('returns the variables an api or worker needs, with a database of its own', async () => {
    const sut = await testEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', LOG_LEVEL: 'debug' });
    try {
      expect(sut.env).toMatchObject({
        NODE_ENV: 'test',
        DATABASE_URL: expect.stringMatching(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_[0-9a-f]{16}$/),
        REDIS_URL: process.env.RIGHTSDESK_TEST_REDIS_URL,
        QUEUE_PREFIX: expect.stringMatching(/^t[0-9a-f]{12}$/),
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'http://localhost:3000',
        LOG_LEVEL: 'debug',
        RATE_LIMIT_ENABLED: 'false',
      });
      expect(Buffer.from(sut.env.SECRET_KEY, 'base64')).toHaveLength(32);

      const client = new Client({ connectionString: sut.env.DATABASE_URL });
      await client.connect();
      await client.end();
    } finally {
      await sut.cleanup();
    }
  });

  it('points mail at a closed port unless SMTP_URL is given', async () => {
    const sut = await testEnv();
    await sut.cleanup();
    expect(sut.env.SMTP_URL).toBe('smtp://127.0.0.1:1');
  });
});
