import { OpenDsrError } from './opendsr.error';
import { readLimitedBody } from '../read-limited-body';

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
    const tooLarge = () => new OpenDsrError('processor_bad_response', `${call.where}: the processor's answer exceeds ${MAX_ANSWER_BYTES / 1024} KiB`);
    return { status: response.status, headers: response.headers, body: await readLimitedBody(response, MAX_ANSWER_BYTES, tooLarge) };
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

// undici reports `fetch failed` with the socket error as its cause (ECONNREFUSED, ENOTFOUND…).
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'unknown';
}
