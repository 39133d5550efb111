import { DataMapError, parseDataMap } from '../../src/datamap/load-datamap';
import { openDsrSystemYaml, parseOpenDsrSystem } from './opendsr-datamap';

function problems(yaml: string): string[] {
  try {
    parseDataMap(yaml, 'datamap.yaml');
  } catch (error) {
    if (error instanceof DataMapError) {
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    throw error;
  }
  return [];
}

describe('opendsr systems in the data map', () => {
  it('fills in the defaults and lower-cases the allowed domains', () => {
    const system = parseOpenDsrSystem(`
      url: https://opendsr.ads.example
      allowedDomains: [OpenDSR.Ads.Example]`);
    expect(system).toMatchObject({
      kind: 'opendsr',
      connection: {
        url: { value: 'https://opendsr.ads.example' },
        version: 2,
        allowedDomains: ['opendsr.ads.example'],
        timeoutMs: 10_000,
        callbackDeadlineHours: 720,
        pollIntervalMinutes: 60,
      },
      regulation: 'gdpr',
      accessAs: 'access',
    });
    expect(system.collections[0]).toMatchObject({ name: 'devices', kind: 'webhook', fields: [{ name: 'email', erasure: { action: 'keep' } }] });
  });

  it('takes version 1, a token from the environment, extensions for an allowed domain and portability', () => {
    const system = parseOpenDsrSystem(
      `
      url: https://opendsr.ads.example
      version: 1
      token: { env: ADS_TOKEN }
      allowedDomains: [opendsr.ads.example]`,
      `    regulation: ccpa
    accessAs: portability
    extensions:
      opendsr.ads.example: { property_id: "123456", mpids: [1, 2] }`,
    );
    expect(system).toMatchObject({
      connection: { version: 1, token: { env: 'ADS_TOKEN' } },
      regulation: 'ccpa',
      accessAs: 'portability',
      extensions: { 'opendsr.ads.example': { property_id: '123456', mpids: [1, 2] } },
    });
  });

  it.each([
    ['plain http off this machine', 'url: http://opendsr.ads.example\nallowedDomains: [opendsr.ads.example]', 'systems.ads.connection.url: must be an https:// URL'],
    ['credentials in the URL', 'url: https://user:pw@opendsr.ads.example\nallowedDomains: [opendsr.ads.example]', 'systems.ads.connection.url: must not carry credentials'],
    ['no allowed domains', 'url: https://opendsr.ads.example\nallowedDomains: []', 'systems.ads.connection.allowedDomains: must list at least one'],
    ['a domain that is not a host name', 'url: https://opendsr.ads.example\nallowedDomains: ["https://x"]', 'must be a host name'],
    ['an inline token', 'url: https://opendsr.ads.example\ntoken: abc\nallowedDomains: [opendsr.ads.example]', 'systems.ads.connection.token: the API token is a secret'],
    ['version 3', 'url: https://opendsr.ads.example\nversion: 3\nallowedDomains: [opendsr.ads.example]', 'systems.ads.connection.version: must be 2 (OpenDSR) or 1 (OpenGDPR)'],
  ])('refuses %s', (_name, connection, expected) => {
    expect(problems(openDsrSystemYaml(connection)).join('\n')).toContain(expected);
  });

  it('refuses extensions keyed by a domain that is not allowed', () => {
    const found = problems(
      openDsrSystemYaml('url: https://opendsr.ads.example\nallowedDomains: [opendsr.ads.example]', '    extensions:\n      other.example: { a: 1 }'),
    );
    expect(found).toEqual(['systems.ads.extensions.other.example: "other.example" is not one of connection.allowedDomains']);
  });

  it('accepts http on localhost, as webhook systems do', () => {
    expect(problems(openDsrSystemYaml('url: http://localhost:8080\nallowedDomains: [localhost]'))).toEqual([]);
  });
});
