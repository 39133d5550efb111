import { projectRecord } from './package-columns';

const BATCH_CHARS = 16 * 1024;

/**
 * A JSON array of the records cut down to `columns`, element by element, indented so a person can
 * read it too. Nothing but the current batch is held.
 */
export async function* jsonArrayChunks(
  records: AsyncIterable<Record<string, unknown>>,
  columns: readonly string[],
): AsyncGenerator<Buffer> {
  let batch = '[';
  let first = true;
  for await (const record of records) {
    // JSON.stringify escapes line breaks inside strings, so every '\n' here is layout.
    const element = JSON.stringify(projectRecord(record, columns), null, 2).replaceAll('\n', '\n  ');
    batch += `${first ? '\n  ' : ',\n  '}${element}`;
    first = false;
    if (batch.length >= BATCH_CHARS) {
      yield Buffer.from(batch, 'utf8');
      batch = '';
    }
  }
  batch += first ? ']\n' : '\n]\n';
  yield Buffer.from(batch, 'utf8');
}
