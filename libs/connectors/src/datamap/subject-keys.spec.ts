import { emptyIdentities } from '../connector';
import type { DataMap, KeyPlaceholder } from './datamap.types';
import {
  crossSystemKeys,
  expandKeyTemplate,
  keyTemplateProblems,
  parseKeyPlaceholder,
  placeholdersIn,
} from './subject-keys';

const customerId: KeyPlaceholder = {
  kind: 'field',
  ref: { system: 'shop', collection: 'customers', field: 'id' },
};
const email: KeyPlaceholder = { kind: 'identity', identity: 'email' };

describe('placeholdersIn and parseKeyPlaceholder', () => {
  it('lists placeholders in order and tells identities from fields', () => {
    expect(placeholdersIn('users/{user_id}/files/{shop.customers.id}/')).toEqual([
      'user_id',
      'shop.customers.id',
    ]);
    expect(parseKeyPlaceholder('email')).toEqual(email);
    expect(parseKeyPlaceholder('shop.customers.id')).toEqual(customerId);
    expect(parseKeyPlaceholder('name')).toBeUndefined();
    expect(parseKeyPlaceholder('shop.customers')).toBeUndefined();
  });
});

describe('keyTemplateProblems', () => {
  it('accepts placeholders that fill whole, closed segments', () => {
    expect(keyTemplateProblems('avatars/{shop.customers.id}/')).toEqual([]);
    expect(keyTemplateProblems('{user_id}/exports/')).toEqual([]);
    expect(keyTemplateProblems('tenants/{user_id}/avatar.png')).toEqual([]);
  });

  it('rejects templates that could reach other subjects objects', () => {
    expect(keyTemplateProblems('avatars/')).toEqual([expect.stringContaining('has no placeholder')]);
    expect(keyTemplateProblems('avatars/pre{email}/')).toEqual([
      expect.stringContaining('placeholder {email} must fill a whole path segment'),
    ]);
    expect(keyTemplateProblems('avatars/{user_id}')).toEqual([
      expect.stringContaining('placeholder {user_id} must be followed by "/"'),
    ]);
    expect(keyTemplateProblems('avatars/../{user_id}/')).toEqual([
      expect.stringContaining('".." path segment'),
    ]);
    expect(keyTemplateProblems('avatars//{user_id}/')).toEqual([expect.stringContaining('empty')]);
    expect(keyTemplateProblems('/avatars/{user_id}/')).toEqual([expect.stringContaining('leading slash')]);
    expect(keyTemplateProblems('avatars/{user_id/')).toEqual([
      expect.stringContaining('unbalanced'),
      expect.stringContaining('has no placeholder'),
    ]);
  });
});

describe('expandKeyTemplate', () => {
  const identities = { ...emptyIdentities(), email: ['ada@example.com', 'ada@example.org'] };

  it('expands every combination of values, each prefix once', () => {
    const keys = { 'shop.customers.id': ['7', '12', '7'] };
    expect(
      expandKeyTemplate('u/{shop.customers.id}/{email}/', [customerId, email], identities, keys),
    ).toEqual([
      'u/7/ada@example.com/',
      'u/7/ada@example.org/',
      'u/12/ada@example.com/',
      'u/12/ada@example.org/',
    ]);
  });

  it('gives a placeholder that appears twice the same value in both places', () => {
    expect(expandKeyTemplate('{email}/backup/{email}/', [email], identities, {})).toEqual([
      'ada@example.com/backup/ada@example.com/',
      'ada@example.org/backup/ada@example.org/',
    ]);
  });

  it('yields no prefix when a placeholder has no value', () => {
    expect(expandKeyTemplate('avatars/{shop.customers.id}/', [customerId], identities, {})).toEqual([]);
    expect(
      expandKeyTemplate('u/{shop.customers.id}/{email}/', [customerId, email], emptyIdentities(), {
        'shop.customers.id': ['7'],
      }),
    ).toEqual([]);
  });

  it.each([
    ['a slash', '7/../8'],
    ['a backslash', '7\\8'],
    ['two dots', 'a..b'],
    ['a control character', '7\n'],
    ['nothing', ''],
  ])('refuses a value with %s and does not repeat the value', (_, value) => {
    const run = () =>
      expandKeyTemplate('avatars/{shop.customers.id}/', [customerId], identities, {
        'shop.customers.id': ['7', value],
      });
    expect(run).toThrow('placeholder {shop.customers.id}');
    if (value.length > 1) {
      expect(run).not.toThrow(value);
    }
  });
});

describe('crossSystemKeys', () => {
  it('lists each field other systems key by once, in order of first use', () => {
    const orderId: KeyPlaceholder = {
      kind: 'field',
      ref: { system: 'shop', collection: 'orders', field: 'id' },
    };
    const map = {
      version: 1,
      file: 'map.yaml',
      sha256: '',
      systems: [
        {
          key: 'files',
          kind: 's3',
          collections: [
            { name: 'a', placeholders: [customerId, email] },
            { name: 'b', placeholders: [customerId] },
          ],
        },
        { key: 'crm', kind: 'webhook', identities: [email, orderId, customerId], collections: [] },
        { key: 'shop', kind: 'postgres', collections: [] },
      ],
    } as unknown as DataMap;
    expect(crossSystemKeys(map)).toEqual([customerId.ref, orderId.ref]);
  });
});
