import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { multipartPayload } from '../../test/multipart-payload';
import {
  type FormEntry,
  isMultipartForm,
  type MultipartFailure,
  MultipartFormError,
  type MultipartLimits,
  readMultipartForm,
} from './multipart-form';

const LIMITS: MultipartLimits = {
  fileSize: 16,
  files: 2,
  fields: 2,
  fieldSize: 10,
  parts: 3,
  headerPairs: 10,
};
const BOUNDARY = 'spec-boundary';
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A body in small pieces, so that parts and boundaries straddle chunks as they do on a socket. */
function streamOf(body: Buffer | string, chunkSize = 7): Readable {
  const bytes = Buffer.from(body);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) {
    chunks.push(bytes.subarray(at, at + chunkSize));
  }
  return Readable.from(chunks, { objectMode: false });
}

function field(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

function file(name: string, fileName: string, content: string, type = 'application/pdf'): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
}

const END = `--${BOUNDARY}--\r\n`;

async function failureOf(promise: Promise<FormEntry[]>): Promise<MultipartFormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MultipartFormError);
  return error as MultipartFormError;
}

async function expectFailure(
  promise: Promise<FormEntry[]>,
  failure: MultipartFailure,
): Promise<MultipartFormError> {
  const error = await failureOf(promise);
  expect(error.failure).toBe(failure);
  return error;
}

/** Resolves once the source has been read to its end (drained), or rejects after a while. */
function drained(source: Readable): Promise<void> {
  if (source.readableEnded) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the source was left unread')), 2000);
    source.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('isMultipartForm', () => {
  it.each([
    ['multipart/form-data; boundary=x', true],
    ['Multipart/Form-Data;boundary=x', true],
    ['  multipart/form-data  ', true],
    ['multipart/form-data', true],
    ['multipart/form-datax; boundary=x', false],
    ['multipart/mixed; boundary=x', false],
    ['application/json', false],
    ['text/plain; note=multipart/form-data', false],
    [undefined, false],
  ])('%s → %s', (contentType, expected) => {
    expect(isMultipartForm(contentType)).toBe(expected);
  });
});

describe('readMultipartForm', () => {
  it('reads fields and files in the order they were sent, without client paths in file names', async () => {
    const body = `${file('files', 'C:\\Users\\kim\\a.pdf', '%PDF-1')}${field('message', 'Grüße')}${file('files', 'b.png', 'PNG', 'image/png')}${END}`;

    const entries = await readMultipartForm(streamOf(body), CONTENT_TYPE, LIMITS);

    expect(entries).toEqual([
      {
        kind: 'file',
        name: 'files',
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        content: Buffer.from('%PDF-1'),
      },
      { kind: 'field', name: 'message', value: 'Grüße', truncated: false },
      { kind: 'file', name: 'files', fileName: 'b.png', mimeType: 'image/png', content: Buffer.from('PNG') },
    ]);
  });

  it('reads what the test helper (and a browser) sends, binary bytes intact', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);
    const { payload, contentType } = multipartPayload([
      { name: 'message', value: 'hi' },
      { name: 'files', filename: 'x.png', type: 'image/png', content: bytes },
    ]);

    const entries = await readMultipartForm(streamOf(payload, 3), contentType, LIMITS);

    expect(entries[1]).toMatchObject({ kind: 'file', fileName: 'x.png' });
    expect((entries[1] as { content: Buffer }).content.equals(bytes)).toBe(true);
  });

  it('keeps an empty file part (a file input left empty) as an empty file with an empty name', async () => {
    const body = `${field('message', 'ok')}${file('files', '', '', 'application/octet-stream')}${END}`;

    const entries = await readMultipartForm(streamOf(body), CONTENT_TYPE, LIMITS);

    expect(entries).toEqual([
      { kind: 'field', name: 'message', value: 'ok', truncated: false },
      {
        kind: 'file',
        name: 'files',
        fileName: '',
        mimeType: 'application/octet-stream',
        content: Buffer.alloc(0),
      },
    ]);
  });

  it('leaves the name undefined for a binary part without a file name, and empty for a part without a field name', async () => {
    const body = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="blob"\r\nContent-Type: application/octet-stream\r\n\r\nxyz\r\n--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nv\r\n${END}`;

    const entries = await readMultipartForm(streamOf(body), CONTENT_TYPE, LIMITS);

    expect(entries).toEqual([
      {
        kind: 'file',
        name: 'blob',
        fileName: undefined,
        mimeType: 'application/octet-stream',
        content: Buffer.from('xyz'),
      },
      { kind: 'field', name: '', value: 'v', truncated: false },
    ]);
  });

  it('takes a file of exactly the size limit', async () => {
    const content = 'x'.repeat(LIMITS.fileSize);

    const entries = await readMultipartForm(
      streamOf(`${file('files', 'a.pdf', content)}${END}`),
      CONTENT_TYPE,
      LIMITS,
    );

    expect(entries).toEqual([expect.objectContaining({ kind: 'file', content: Buffer.from(content) })]);
  });

  it('refuses a file one byte over the limit, naming what was read before it, and drains the rest', async () => {
    const source = streamOf(
      `${field('message', 'hi')}${file('files', 'a.pdf', 'x'.repeat(LIMITS.fileSize + 1))}${field('other', 'late')}${END}`,
    );

    const error = await expectFailure(readMultipartForm(source, CONTENT_TYPE, LIMITS), 'file_too_large');

    expect(error.entries).toEqual([{ kind: 'field', name: 'message', value: 'hi', truncated: false }]);
    await drained(source);
  });

  it('refuses a huge upload at the limit, and answers once the rest has been read through and thrown away', async () => {
    const total = 2000;
    let produced = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // One chunk per turn of the event loop, as from a socket.
    const source = new Readable({
      read() {
        setImmediate(() => {
          if (produced === 0) {
            this.push(
              `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="huge.pdf"\r\n\r\n`,
            );
          }
          produced += 1;
          this.push(produced <= total ? chunk : null);
        });
      },
    });

    const error = await expectFailure(
      readMultipartForm(source, CONTENT_TYPE, { ...LIMITS, fileSize: 100 * 1024 }),
      'file_too_large',
    );

    // 125 MB went through; the answer waited for the end of the body.
    expect(produced).toBeGreaterThan(total);
    expect(source.readableEnded).toBe(true);
    expect(error.entries).toEqual([]);
  });

  it('lets a Node http client finish a refused upload over a real socket, so the connection ends cleanly', async () => {
    const server = createServer((request, response) => {
      readMultipartForm(request, request.headers['content-type'], { ...LIMITS, fileSize: 64 * 1024 }).then(
        () => response.end('stored'),
        (error: MultipartFormError) => {
          response.statusCode = 413;
          response.end(error.failure);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await new Promise<{ status: number; body: string; uploaded: boolean }>(
        (resolve, reject) => {
          let uploaded = false;
          const outgoing = httpRequest(
            { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': CONTENT_TYPE } },
            (response) => {
              let body = '';
              response.on('data', (data: Buffer) => (body += data.toString('utf8')));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body, uploaded }));
            },
          );
          outgoing.on('error', reject);
          outgoing.on('finish', () => (uploaded = true));
          outgoing.write(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="huge.pdf"\r\n\r\n`,
          );
          // 16 MB in 256 KB writes, waiting for 'drain' as a well-behaved client does. Node's client
          // stops listening for 'drain' once a complete answer has arrived: answering early would
          // leave it waiting forever.
          const chunk = Buffer.alloc(256 * 1024, 0x20);
          let sent = 0;
          const pump = () => {
            while (sent < 64) {
              sent += 1;
              if (!outgoing.write(chunk)) {
                outgoing.once('drain', pump);
                return;
              }
            }
            outgoing.end(`\r\n${END}`);
          };
          pump();
        },
      );

      expect(answer).toEqual({ status: 413, body: 'file_too_large', uploaded: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('marks a field value cut at the field size limit as truncated', async () => {
    const entries = await readMultipartForm(
      streamOf(`${field('message', 'x'.repeat(LIMITS.fieldSize + 5))}${END}`),
      CONTENT_TYPE,
      LIMITS,
    );

    expect(entries).toEqual([
      { kind: 'field', name: 'message', value: 'x'.repeat(LIMITS.fieldSize), truncated: true },
    ]);
  });

  it.each([
    ['in small chunks', 7],
    ['in one chunk', 100_000],
  ])('refuses more files than allowed, naming the files read before (%s)', async (_how, chunkSize) => {
    const source = streamOf(
      `${file('files', '1.pdf', '1')}${file('files', '2.pdf', '2')}${file('files', '3.pdf', '3')}${END}`,
      chunkSize,
    );

    const error = await expectFailure(
      readMultipartForm(source, CONTENT_TYPE, { ...LIMITS, parts: 10 }),
      'too_many_files',
    );

    expect(error.entries.map((e) => (e.kind === 'file' ? e.fileName : e.name))).toEqual(['1.pdf', '2.pdf']);
    await drained(source);
  });

  it('names the files read in full before a file that is too large, even when all arrive at once', async () => {
    const source = streamOf(
      `${file('files', '', '')}${file('files', 'a.pdf', 'ok')}${file('files', 'b.pdf', 'x'.repeat(LIMITS.fileSize + 1))}${END}`,
      100_000,
    );

    const error = await expectFailure(
      readMultipartForm(source, CONTENT_TYPE, { ...LIMITS, files: 3, parts: 5 }),
      'file_too_large',
    );

    expect(error.entries).toEqual([
      expect.objectContaining({ kind: 'file', fileName: '', content: Buffer.alloc(0) }),
      expect.objectContaining({ kind: 'file', fileName: 'a.pdf', content: Buffer.from('ok') }),
    ]);
    await drained(source);
  });

  it('refuses more fields than allowed', async () => {
    const source = streamOf(`${field('a', '1')}${field('b', '2')}${field('c', '3')}${END}`);

    await expectFailure(readMultipartForm(source, CONTENT_TYPE, { ...LIMITS, parts: 10 }), 'too_many_fields');
    await drained(source);
  });

  it('refuses more parts than allowed', async () => {
    const source = streamOf(
      `${field('a', '1')}${file('files', '1.pdf', '1')}${field('b', '2')}${file('files', '2.pdf', '2')}${END}`,
    );

    await expectFailure(readMultipartForm(source, CONTENT_TYPE, LIMITS), 'too_many_parts');
    await drained(source);
  });

  it('calls a body whose boundary is not the announced one malformed', async () => {
    const source = streamOf(`${field('message', 'hi')}${END}`);

    await expectFailure(
      readMultipartForm(source, 'multipart/form-data; boundary=another-boundary', LIMITS),
      'malformed',
    );
    await drained(source);
  });

  it('calls a Content-Type without a boundary malformed, and still drains the body', async () => {
    const source = streamOf(`${field('message', 'hi')}${END}`);

    await expectFailure(readMultipartForm(source, 'multipart/form-data', LIMITS), 'malformed');
    await drained(source);
  });

  it('calls a body that ends inside a file malformed', async () => {
    const source = streamOf(
      `${field('message', 'hi')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF`,
    );

    const error = await expectFailure(readMultipartForm(source, CONTENT_TYPE, LIMITS), 'malformed');

    expect(error.entries).toEqual([{ kind: 'field', name: 'message', value: 'hi', truncated: false }]);
  });

  it('calls a body without its closing delimiter malformed', async () => {
    await expectFailure(
      readMultipartForm(streamOf(field('message', 'hi')), CONTENT_TYPE, LIMITS),
      'malformed',
    );
  });

  it('refuses a body that is not multipart/form-data without parsing it', async () => {
    const source = streamOf('{"message":"hi"}');

    await expectFailure(readMultipartForm(source, 'application/json', LIMITS), 'not_multipart');
    await drained(source);
  });

  it('reads an empty body as an empty form', async () => {
    expect(await readMultipartForm(streamOf(''), CONTENT_TYPE, LIMITS)).toEqual([]);
  });

  it('ignores what follows the closing delimiter', async () => {
    const entries = await readMultipartForm(
      streamOf(`${field('message', 'hi')}${END}trailing epilogue bytes`),
      CONTENT_TYPE,
      LIMITS,
    );

    expect(entries).toEqual([{ kind: 'field', name: 'message', value: 'hi', truncated: false }]);
  });

  it('calls a client that leaves mid-body malformed instead of waiting forever', async () => {
    const source = new Readable({ read() {} });
    source.push(
      `${field('message', 'hi')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF`,
    );
    const reading = readMultipartForm(source, CONTENT_TYPE, LIMITS);
    setImmediate(() => source.destroy());

    await expectFailure(reading, 'malformed');
  });

  it('calls a source that errors malformed', async () => {
    const source = new Readable({ read() {} });
    const reading = readMultipartForm(source, CONTENT_TYPE, LIMITS);
    setImmediate(() => source.destroy(new Error('ECONNRESET')));

    const error = await expectFailure(reading, 'malformed');

    expect(error.cause).toEqual(new Error('ECONNRESET'));
  });
});
