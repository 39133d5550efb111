import type { SubjectLink } from './datamap.types';

type Linked = { name: string; subject: SubjectLink };

/** Thrown by deriveEraseOrder; `cycle` starts and ends with the same collection. */
export class ReferenceCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`reference cycle: ${cycle.join(' → ')}`);
    this.name = 'ReferenceCycleError';
  }
}

function parentOf(collection: Linked): string | undefined {
  return collection.subject.by === 'reference' ? collection.subject.to.collection : undefined;
}

/**
 * Every reference cycle, each once, written in reference direction and starting at the collection
 * that comes first in the file: `orders → customers → orders`. A collection has at most one
 * reference, so following references from each collection finds every cycle.
 */
export function findReferenceCycles(collections: Linked[]): string[][] {
  const byName = new Map(collections.map((collection) => [collection.name, collection]));
  const position = new Map(collections.map((collection, index) => [collection.name, index]));
  const reported = new Set<string>();
  const cycles: string[][] = [];
  for (const start of collections) {
    const path: string[] = [];
    const seen = new Map<string, number>();
    let current: Linked | undefined = start;
    while (current && !seen.has(current.name)) {
      seen.set(current.name, path.length);
      path.push(current.name);
      const parent = parentOf(current);
      current = parent === undefined ? undefined : byName.get(parent);
    }
    if (!current) {
      continue;
    }
    const loop = path.slice(seen.get(current.name));
    if (loop.some((name) => reported.has(name))) {
      continue;
    }
    loop.forEach((name) => reported.add(name));
    const first = loop.reduce((a, b) => (position.get(a)! <= position.get(b)! ? a : b));
    const rotated = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
    cycles.push([...rotated, first]);
  }
  return cycles;
}

/**
 * The order erasure visits collections: every collection whose `reference` points at another comes
 * before the one it points at, so a child's rows are found through the parent before the parent's
 * row is gone. Among collections free to go next, file order decides, so the order is stable.
 * References to collections not in the list are ignored (the loader reports them).
 */
export function deriveEraseOrder(collections: Linked[]): string[] {
  const cycles = findReferenceCycles(collections);
  if (cycles.length > 0) {
    throw new ReferenceCycleError(cycles[0]);
  }
  const names = new Set(collections.map((collection) => collection.name));
  const waitingChildren = new Map<string, number>(collections.map((collection) => [collection.name, 0]));
  for (const collection of collections) {
    const parent = parentOf(collection);
    if (parent !== undefined && names.has(parent)) {
      waitingChildren.set(parent, waitingChildren.get(parent)! + 1);
    }
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < names.size) {
    const next = collections.find(
      (collection) => !done.has(collection.name) && waitingChildren.get(collection.name) === 0,
    )!;
    order.push(next.name);
    done.add(next.name);
    const parent = parentOf(next);
    if (parent !== undefined && names.has(parent)) {
      waitingChildren.set(parent, waitingChildren.get(parent)! - 1);
    }
  }
  return order;
}
