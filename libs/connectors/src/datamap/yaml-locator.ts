import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export type PathStep = string | number;

export interface Position {
  line: number;
  column: number;
}

/** `['systems', 'shop', 'identity', 1, 'kind']` → `systems.shop.identity[1].kind`. */
export function formatPath(path: readonly PathStep[]): string {
  return path.reduce<string>((text, step) => {
    if (typeof step === 'number') {
      return `${text}[${step}]`;
    }
    return text === '' ? step : `${text}.${step}`;
  }, '');
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Where a path points in the file: the key that holds the value (for list items, the item). A path
 * that runs past what the file has (a missing key) points at the deepest key that exists, which is
 * where the missing key belongs.
 */
export function createLocator(
  doc: Document,
  lineCounter: LineCounter,
): (path: readonly PathStep[]) => Position {
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) {
      return undefined;
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let position = at(doc.contents?.range?.[0]) ?? { line: 1, column: 1 };
    for (const step of path) {
      if (isAlias(node)) {
        node = node.resolve(doc);
      }
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === String(step));
        if (!pair) {
          break;
        }
        position = at((pair.key as Node | null)?.range?.[0]) ?? position;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
        node = node.items[step];
        position = at((node as Node | null)?.range?.[0]) ?? position;
      } else {
        break;
      }
    }
    return position;
  };
}
