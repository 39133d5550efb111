import { isGpcSignal } from './gpc-signal';
import { optOutChannelsOf, optOutScope } from './opt-out-scope';

describe('optOutScope', () => {
  it.each([
    [undefined, { marketing: true, saleSharing: false }],
    [[], { marketing: true, saleSharing: false }],
    [['email'], { marketing: true, saleSharing: false }],
    [['surveys', 'notifications'], { marketing: true, saleSharing: false }],
    [['sale_sharing'], { marketing: false, saleSharing: true }],
    [['email', 'sale_sharing'], { marketing: true, saleSharing: true }],
    [['all'], { marketing: true, saleSharing: true }],
  ] as const)('%p → %p', (channels, scope) => {
    expect(optOutScope(channels)).toEqual(scope);
  });

  it('reads the channels of a request’s details, and nothing else', () => {
    expect(optOutChannelsOf({ channels: ['sale_sharing'] })).toEqual(['sale_sharing']);
    expect(optOutChannelsOf(null)).toBeUndefined();
    expect(optOutChannelsOf({ channels: 'all' })).toBeUndefined();
  });
});

describe('isGpcSignal', () => {
  it('is the signal only for exactly "1"', () => {
    expect(isGpcSignal('1')).toBe(true);
    for (const value of [undefined, '', '0', 'true', '1, 1', ' 1', '1 ', 'yes', ['1'], ['1', '1']]) {
      expect({ value, signal: isGpcSignal(value) }).toEqual({ value, signal: false });
    }
  });
});
