import { OpenDsrError } from './opendsr.error';

// Discovery documents, receipts and statuses are small; a certificate chain is a few kilobytes.
const MAX_ANSWER_BYTES = 256 * 1024;

export interface ProcessorCall {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: string;
  token?: string;
  accept?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** `System "ads" (opendsr)`, the start of every message. */
  where: string;
}

export interface ProcessorAnswer {
  status: number;
  headers: Headers;
  /** The exact bytes: signatures are checked over them, before anything parses them. */
  body: Buffer;
}

/** One HTTP call to a processor with a timeout and a size limit; every failure is an OpenDsrError. */
export async function callProcessor(call: ProcessorCall): Promise<ProcessorAnswer> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  try {
    const response = await call.fetch(call.url, {
      method: call.method,
      headers: {
        accept: call.accept ?? 'application/json',
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.token === undefined ? {} : { authorization: `Bearer ${call.token}` }),
      },
      ...(call.body === undefined ? {} : { body: call.body }),
      // A redirect would carry the subject's identities to a URL nobody put in the data map.
      redirect: 'manual',
      signal,
    });
    return { status: response.status, headers: response.headers, body: await readLimited(response, call.where) };
  } catch (error) {
    if (error instanceof OpenDsrError) {
      throw error;
    }
    if (call.signal?.aborted) {
      throw new OpenDsrError('aborted', `${call.where}: the call to the processor was cancelled`);
    }
    if (timeout.aborted) {
      throw new OpenDsrError('processor_timeout', `${call.where}: the processor did not answer in time`);
    }
    throw new OpenDsrError('processor_unreachable', `${call.where}: the processor could not be reached (${networkCode(error)})`);
  }
}

export function parseJson(answer: ProcessorAnswer, where: string, what: string): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new OpenDsrError('processor_bad_response', `${where}: the ${what} is not JSON (HTTP ${answer.status})`);
  }
}

async function readLimited(response: Response, where: string): Promise<Buffer> {
  if (!response.body) {
    return Buffer.alloc(0);
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new OpenDsrError('processor_bad_response', `${where}: the processor's answer exceeds ${MAX_ANSWER_BYTES / 1024} KiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// undici reports `fetch failed` with the socket error as its cause (ECONNREFUSED, ENOTFOUND…).
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'unknown';
}
