import { closestMatch, didYouMean, editDistance } from './did-you-mean';

describe('didYouMean', () => {
  it('counts adjacent swaps as one edit', () => {
    expect(editDistance('custmoers', 'customers')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds case slips, typos and cut-short words', () => {
    expect(closestMatch('primarykey', ['table', 'primaryKey', 'fields'])).toBe('primaryKey');
    expect(closestMatch('custmers', ['orders', 'customers'])).toBe('customers');
    expect(closestMatch('delete', ['delete_row', 'set_null'])).toBe('delete_row');
  });

  it('stays quiet when nothing is close', () => {
    expect(closestMatch('retention_days', ['table', 'fields'])).toBeUndefined();
    expect(didYouMean('xyz', ['table'])).toBe('');
    expect(didYouMean('tabel', ['table'])).toBe(' (did you mean "table"?)');
  });
});
