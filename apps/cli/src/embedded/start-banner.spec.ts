import { redactUrl, renderStartBanner } from './start-banner';

describe('redactUrl', () => {
  it('hides passwords and secret query parameters but keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.internal:5432/rightsdesk')).toBe(
      'postgres://app:***@db.internal:5432/rightsdesk',
    );
    expect(redactUrl('redis://:hunter2@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
    expect(redactUrl('smtp://mailer@smtp.example.test:587?token=abc&pool=true')).toBe(
      'smtp://mailer@smtp.example.test:587?token=***&pool=true',
    );
    expect(redactUrl('not a url with a password')).toBe('(unparseable URL)');
  });
});

describe('renderStartBanner', () => {
  it('draws every line in one box and never prints a password', () => {
    const banner = renderStartBanner({
      appUrl: 'http://localhost:3000',
      docsUrl: 'http://localhost:3000/api/docs',
      mailboxUrl: 'http://localhost:3000/dev/mailbox',
      apiHealthUrl: 'http://localhost:3000/health/ready',
      workerHealthUrl: 'http://localhost:3001/health/ready',
      services: [
        { label: 'PostgreSQL', embedded: false, url: 'postgres://app:s3cret@db:5432/rightsdesk' },
        { label: 'Redis', embedded: true, url: 'redis://127.0.0.1:6380', where: '.rightsdesk/redis' },
      ],
    });
    const lines = banner.split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(banner).toContain('Mailbox      http://localhost:3000/dev/mailbox');
    expect(banner).toContain('PostgreSQL   external  postgres://app:***@db:5432/rightsdesk');
    expect(banner).toContain('Redis        embedded  redis://127.0.0.1:6380  (.rightsdesk/redis)');
    expect(banner).not.toContain('s3cret');
  });
});

describe('renderStartBanner: the demo admin', () => {
  const base = {
    appUrl: 'http://localhost:3000',
    docsUrl: 'http://localhost:3000/api/docs',
    apiHealthUrl: 'http://localhost:3000/health/ready',
    workerHealthUrl: 'http://localhost:3001/health/ready',
    services: [],
  };

  it('prints the password of a demo admin created by this start, with the console address', () => {
    const banner = renderStartBanner({ ...base, demoAdmin: { state: 'created', email: 'admin@rightsdesk.localhost', password: 'Gx7-generated-pw_123' } });
    expect(banner).toContain('Console      http://localhost:3000/console');
    expect(banner).toContain('Demo admin   admin@rightsdesk.localhost');
    expect(banner).toContain('Password     Gx7-generated-pw_123  (shown only now: note it)');
    expect(new Set(banner.split('\n').map((line) => line.length)).size).toBe(1);
  });

  it('on later starts says the admin exists and how to get a new password, printing none', () => {
    const banner = renderStartBanner({ ...base, demoAdmin: { state: 'exists', email: 'admin@rightsdesk.localhost' } });
    expect(banner).toContain('Demo admin   admin@rightsdesk.localhost (its password was shown at the first start)');
    expect(banner).toContain('npm run rightsdesk -- officer reset-password --email admin@rightsdesk.localhost');
    expect(banner).not.toMatch(/Password {5}/);
  });

  it('says nothing about accounts outside the demo', () => {
    expect(renderStartBanner(base)).not.toMatch(/admin|Console/);
  });
});
