import type { SubjectLink } from './datamap.types';
import { deriveEraseOrder, findReferenceCycles, ReferenceCycleError } from './erase-order';

const byEmail: SubjectLink = { by: 'identity', fields: [{ field: 'email', identity: 'email' }] };

function ref(collection: string): SubjectLink {
  return { by: 'reference', field: `${collection}_id`, to: { collection, field: 'id' } };
}

describe('deriveEraseOrder', () => {
  it('puts every child before its parent and keeps file order among the rest', () => {
    const order = deriveEraseOrder([
      { name: 'customers', subject: byEmail },
      { name: 'orders', subject: ref('customers') },
      { name: 'newsletter', subject: byEmail },
      { name: 'order_items', subject: ref('orders') },
      { name: 'page_views', subject: ref('customers') },
    ]);
    // newsletter is free from the start and comes first in the file among those free to go.
    expect(order).toEqual(['newsletter', 'order_items', 'orders', 'page_views', 'customers']);
  });

  it('leaves collections without references in file order', () => {
    expect(
      deriveEraseOrder([
        { name: 'b', subject: byEmail },
        { name: 'a', subject: byEmail },
        { name: 'c', subject: byEmail },
      ]),
    ).toEqual(['b', 'a', 'c']);
  });

  it('handles a child declared before its parent', () => {
    expect(
      deriveEraseOrder([
        { name: 'orders', subject: ref('customers') },
        { name: 'customers', subject: byEmail },
      ]),
    ).toEqual(['orders', 'customers']);
  });

  it('ignores references to collections it was not given', () => {
    expect(deriveEraseOrder([{ name: 'orders', subject: ref('customers') }])).toEqual(['orders']);
  });

  it('names the cycle, starting at the collection that comes first', () => {
    const collections = [
      { name: 'customers', subject: ref('orders') },
      { name: 'orders', subject: ref('customers') },
    ];
    expect(() => deriveEraseOrder(collections)).toThrow(
      new ReferenceCycleError(['customers', 'orders', 'customers']),
    );
    expect(() => deriveEraseOrder(collections)).toThrow('reference cycle: customers → orders → customers');
  });

  it('names a collection that references itself', () => {
    expect(() => deriveEraseOrder([{ name: 'employees', subject: ref('employees') }])).toThrow(
      'reference cycle: employees → employees',
    );
  });
});

describe('findReferenceCycles', () => {
  it('finds each cycle once, not the chains that lead into it', () => {
    expect(
      findReferenceCycles([
        { name: 'a', subject: ref('c') },
        { name: 'b', subject: ref('a') },
        { name: 'c', subject: ref('b') },
        { name: 'd', subject: ref('a') },
        { name: 'e', subject: ref('e') },
        { name: 'f', subject: byEmail },
      ]),
    ).toEqual([
      ['a', 'c', 'b', 'a'],
      ['e', 'e'],
    ]);
  });
});
