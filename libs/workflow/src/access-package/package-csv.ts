// UTF-8 byte order mark: without it Excel reads the file as the local code page and garbles
// every non-ASCII name.
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** One RFC 4180 field. Nested values (objects, arrays) are written as JSON. */
export function csvCell(value: unknown): string {
  let text = cellText(value);
  // CSV injection: spreadsheet programs run a cell starting with = + - @ (or TAB/CR before one) as a
  // formula, and a value the data subject or anyone else typed (a name, a message) could make their
  // spreadsheet fetch URLs or run commands. A leading apostrophe makes it plain text. Real numbers
  // are exempt: `-5` cannot be a formula and should stay a number.
  if (typeof value !== 'number' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

const BATCH_CHARS = 16 * 1024;

/** A whole CSV file (BOM, header, one row per record), produced as the records arrive. */
export async function* csvChunks(
  records: AsyncIterable<Record<string, unknown>>,
  columns: readonly string[],
): AsyncGenerator<Buffer> {
  let batch = CSV_BOM + csvRow(columns);
  for await (const record of records) {
    batch += csvRow(columns.map((column) => (Object.hasOwn(record, column) ? record[column] : undefined)));
    if (batch.length >= BATCH_CHARS) {
      yield Buffer.from(batch, 'utf8');
      batch = '';
    }
  }
  yield Buffer.from(batch, 'utf8');
}
