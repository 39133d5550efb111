import type { Readable } from 'node:stream';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';

/** Busboy's limits; every one must be set so that nothing a client sends is kept without bound. */
export interface MultipartLimits {
  /** Bytes per file. */
  fileSize: number;
  files: number;
  /** Non-file fields. */
  fields: number;
  /** Bytes per field value. */
  fieldSize: number;
  /** Files and fields together. */
  parts: number;
  /** Header lines per part. */
  headerPairs: number;
}

export interface FormField {
  kind: 'field';
  /** Empty when the part names no field. */
  name: string;
  value: string;
  /** The value was cut at `fieldSize`. */
  truncated: boolean;
}

export interface FormFile {
  kind: 'file';
  name: string;
  /** Without any path; empty for a file input left empty, undefined for a binary part sent without a name. */
  fileName: string | undefined;
  mimeType: string;
  content: Buffer;
}

export type FormEntry = FormField | FormFile;

export type MultipartFailure =
  /** The Content-Type is not multipart/form-data. */
  | 'not_multipart'
  /** No boundary, broken framing, a body that ends early, or a client that went away. */
  | 'malformed'
  | 'file_too_large'
  | 'too_many_files'
  | 'too_many_fields'
  | 'too_many_parts';

export class MultipartFormError extends Error {
  constructor(
    readonly failure: MultipartFailure,
    /** The entries read in full before the failure, in the order they were sent. */
    readonly entries: readonly FormEntry[],
    options?: { cause?: unknown },
  ) {
    super(`multipart form refused: ${failure}`, options);
    this.name = 'MultipartFormError';
  }
}

// The media type as Fastify reads it (type and subtype case-insensitive, parameters after ';').
const MULTIPART_FORM = /^\s*multipart\/form-data\s*(?:;|$)/i;

/** Whether a Content-Type header announces multipart/form-data. */
export function isMultipartForm(contentType: string | undefined): contentType is string {
  return contentType !== undefined && MULTIPART_FORM.test(contentType);
}

/**
 * Reads a multipart/form-data body into its fields and files, in the order they were sent.
 *
 * Files are kept in memory, each stopped at `fileSize` (busboy hands over at most that many bytes
 * and then reports the file as truncated), so at most `files × fileSize + fields × fieldSize`
 * bytes are held. Any limit, a broken body or a client that leaves rejects with a
 * {@link MultipartFormError}. On a refusal the rest of the body is read to its end and thrown
 * away before the promise rejects, as @fastify/multipart did: the socket is never destroyed under
 * an answer, the connection stays usable, and a client still sending (Node's http client stops
 * writing once a complete answer arrives) is not left waiting.
 *
 * `source` must not have been read yet (Fastify's request.raw, behind a parser that leaves it alone).
 */
export function readMultipartForm(
  source: Readable,
  contentType: string | undefined,
  limits: MultipartLimits,
): Promise<FormEntry[]> {
  return new Promise<FormEntry[]>((resolve, reject) => {
    // One slot per part as it starts, filled when it is complete: a file ends a few ticks after its
    // part, and the order of the parts is what the caller sees.
    const slots: Array<FormEntry | undefined> = [];
    // Files announced and not yet ended.
    const pending = new Set<BusboyFileStream>();
    // The file whose part is still arriving, if any. Every earlier file has all its bytes.
    let receiving: BusboyFileStream | undefined;
    let refusal: { failure: MultipartFailure; cause: unknown } | undefined;
    let settled = false;
    let sawData = false;
    // The source has ended, failed or closed: nothing more will arrive.
    let sourceDone = false;
    let busboy: BusboyInstance | undefined;

    const complete = (): FormEntry[] => slots.filter((entry): entry is FormEntry => entry !== undefined);

    // Rejects once the body has been drained and the files that had fully arrived before the
    // refusal have ended, so that the error names everything read before it (a caller counts the
    // files before a too-large one).
    const rejectWhenSettled = (): void => {
      if (!settled && refusal && sourceDone && pending.size === 0) {
        settled = true;
        reject(new MultipartFormError(refusal.failure, complete(), { cause: refusal.cause }));
      }
    };

    const fail = (failure: MultipartFailure, cause?: unknown): void => {
      if (settled || refusal) {
        return;
      }
      refusal = { failure, cause };
      if (busboy) {
        source.unpipe(busboy);
      }
      // Drain, do not destroy: destroying the request would close the socket before the error
      // answer is written. With no 'data' listener left the bytes are discarded as they come.
      source.resume();
      if (receiving) {
        // Refused or cut short: its bytes are dropped.
        pending.delete(receiving);
        receiving.destroy();
        receiving = undefined;
      }
      rejectWhenSettled();
    };

    // pipe() does not forward the source's errors, and a client that leaves mid-body ends nothing.
    const sourceFinished = (failure?: { cause: unknown }) => {
      sourceDone = true;
      if (failure) {
        fail('malformed', failure.cause);
      }
      rejectWhenSettled();
    };
    source.on('end', () => sourceFinished());
    source.on('error', (error: unknown) => sourceFinished({ cause: error }));
    source.on('close', () =>
      sourceFinished(
        source.readableEnded
          ? undefined
          : { cause: new Error('the request was closed before its body was read') },
      ),
    );

    if (!isMultipartForm(contentType)) {
      fail('not_multipart');
      return;
    }
    try {
      busboy = Busboy({ headers: { 'content-type': contentType }, limits });
    } catch (error) {
      // Busboy refuses a Content-Type without a usable boundary when it is constructed.
      fail('malformed', error);
      return;
    }

    busboy.on(
      'field',
      (name: string | undefined, value: string, _nameTruncated: boolean, valueTruncated: boolean) => {
        // Busboy emits a field when its part has ended, so any file before it has fully arrived.
        receiving = undefined;
        if (!refusal) {
          slots.push({ kind: 'field', name: name ?? '', value, truncated: valueTruncated });
        }
      },
    );

    busboy.on(
      'file',
      (
        name: string | undefined,
        file: BusboyFileStream,
        fileName: string | undefined,
        _encoding: string,
        mimeType: string,
      ) => {
        file.on('error', (error: unknown) => fail('malformed', error));
        if (refusal || settled) {
          // Busboy may still announce a part from a chunk it was parsing when reading stopped.
          file.resume();
          return;
        }
        receiving = file;
        pending.add(file);
        const slot = slots.push(undefined) - 1;
        const chunks: Buffer[] = [];
        // Busboy hands over at most `fileSize` bytes, then says 'limit' and drops the rest of the part.
        file.on('limit', () => fail('file_too_large'));
        file.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
        });
        file.on('end', () => {
          if (receiving === file) {
            receiving = undefined;
          }
          if (!pending.delete(file)) {
            return;
          }
          if (file.truncated) {
            // 'limit' comes first; this only guards against a busboy that changes that order.
            fail('file_too_large');
            return;
          }
          slots[slot] = {
            kind: 'file',
            name: name ?? '',
            fileName,
            mimeType,
            content: Buffer.concat(chunks),
          };
          rejectWhenSettled();
        });
        // Destroyed before its end: nothing more will come.
        file.on('close', () => {
          if (pending.delete(file)) {
            rejectWhenSettled();
          }
        });
      },
    );

    // Each limit is noticed at the header of the part that breaks it: the parts before have arrived.
    const refuse = (failure: MultipartFailure) => () => {
      receiving = undefined;
      fail(failure);
    };
    busboy.on('filesLimit', refuse('too_many_files'));
    busboy.on('fieldsLimit', refuse('too_many_fields'));
    busboy.on('partsLimit', refuse('too_many_parts'));
    busboy.on('error', (error: unknown) => {
      // A request without a single byte of body is an empty form (as @fastify/multipart had it), not
      // a broken one; busboy calls it an unexpected end.
      if (!sawData && !refusal && !settled) {
        settled = true;
        resolve([]);
        return;
      }
      fail('malformed', error);
    });
    busboy.on('finish', () => {
      if (settled || refusal) {
        return;
      }
      if (pending.size > 0 || slots.includes(undefined)) {
        // Busboy finishes only after every part has ended; anything else is a parser surprise.
        fail('malformed', new Error('multipart body finished with a part still open'));
        return;
      }
      settled = true;
      resolve(complete());
    });

    source.pipe(busboy);
    source.once('data', () => {
      sawData = true;
    });
  });
}
