import type { PostgresSystem, S3System } from './datamap.types';
import { parseDataMap } from './load-datamap';
import { childRuleId, retentionRuleId } from './rule-id';

const MAP = `version: 1
systems:
  shop:
    kind: postgres
    title: Shop
    connection: { url: { env: SHOP_URL } }
    collections:
      accounts:
        table: accounts
        identity: { field: handle, kind: username }
        erasure: delete_row
        fields:
          id: { category: account.id }
          handle: { category: account.username }
          ip: { category: device.ip }
        retention:
          - { field: seen_at, period: P30D, action: anonymize, anonymize: { ip: anonymize_ip } }
          - { name: purge, field: seen_at, period: P2Y, action: delete, condition: { field: created_at, olderThan: P3Y }, legalHold: true }
        children: { birthDate: dob }
  files:
    kind: s3
    title: Files
    connection: { bucket: shop-files }
    collections:
      uploads:
        keyTemplate: "uploads/{shop.accounts.id}/"
        category: content.media
        retention: { name: expire, field: last_modified, period: P90D, action: delete, schedule: { cron: "15 2 * * *" } }
`;

describe('retention rules and the children block', () => {
  const map = parseDataMap(MAP, 'map.yaml');
  const shop = map.systems[0] as PostgresSystem;
  const files = map.systems[1] as S3System;

  it('reads a list of rules in order, naming unnamed ones after their action', () => {
    expect(shop.collections[0].retention).toEqual([
      { name: 'anonymize', field: 'seen_at', period: 'P30D', action: 'anonymize', anonymize: { ip: { action: 'anonymize_ip' } }, legalHold: false },
      {
        name: 'purge',
        field: 'seen_at',
        period: 'P2Y',
        action: 'delete',
        condition: { field: 'created_at', olderThan: 'P3Y' },
        legalHold: true,
      },
    ]);
  });

  it('reads one rule as a list of one, with its name and the default time zone', () => {
    expect(files.collections[0].retention).toEqual([
      { name: 'expire', field: 'last_modified', period: 'P90D', action: 'delete', legalHold: false, schedule: { cron: '15 2 * * *', timezone: 'UTC' } },
    ]);
  });

  it('gives children: the default age of 13 and no schedule of its own', () => {
    expect(shop.collections[0].children).toEqual({ birthDate: 'dob', under: 13 });
  });

  it('names rules system.collection.rule, from names or from the data map objects', () => {
    const accounts = shop.collections[0];
    expect(retentionRuleId(shop, accounts, accounts.retention[1])).toBe('shop.accounts.purge');
    expect(retentionRuleId('shop', 'accounts', 'anonymize')).toBe('shop.accounts.anonymize');
    expect(childRuleId(shop, accounts)).toBe('shop.accounts.children');
    expect(childRuleId('shop', 'accounts')).toBe('shop.accounts.children');
  });
});

describe('an S3 retention rule whose key template starts with a placeholder', () => {
  it('is refused: its run would list, and could delete from, the whole bucket', () => {
    const map = MAP.replace('keyTemplate: "uploads/{shop.accounts.id}/"', 'keyTemplate: "{shop.accounts.id}/uploads/"');
    expect(() => parseDataMap(map, 'map.yaml')).toThrow(/an S3 retention rule needs a key template that starts with a fixed folder/);
    // Without retention the same template is fine: erasure expands the placeholder first.
    expect(() => parseDataMap(map.replace(/\n {8}retention: \{ name: expire[^\n]*/, ''), 'map.yaml')).not.toThrow();
  });
});
