import { HttpException, HttpStatus } from '@nestjs/common';
import { RequestException, type RequestErrorCode } from '@rightsdesk/domain';
import { HTTP_STATUS_FOR_CODE } from './http-status-for-code';
import type { ErrorBody } from './error-body';

export interface MappedError {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
  /** True for errors we did not anticipate: logged with an id, answered with that id only. */
  unexpected: boolean;
}

// Fastify's own errors for bad input (content types, body size, broken JSON) are the client's
// fault and must never surface as 500s.
const FASTIFY_CODES: Record<string, RequestErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

const MESSAGES: Partial<Record<RequestErrorCode, string>> = {
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the body as application/json.',
  malformed_body: 'The request body is not valid JSON.',
  not_found: 'Not found.',
  unauthorized: 'Sign in to do this.',
  forbidden: 'You are not allowed to do this.',
};

const STATUS_CODES: Partial<Record<number, RequestErrorCode>> = {
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'not_found',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.BAD_REQUEST]: 'malformed_body',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

export function mapError(error: unknown, errorId: string): MappedError {
  if (error instanceof RequestException) {
    return {
      status: HTTP_STATUS_FOR_CODE[error.code],
      body: { code: error.code, message: error.message, fieldErrors: error.details?.fieldErrors },
      retryAfterSeconds: error.details?.retryAfterSeconds,
      unexpected: error.code === 'internal_error',
    };
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
    const code = FASTIFY_CODES[fastifyCode];
    return { status: HTTP_STATUS_FOR_CODE[code], body: { code, message: MESSAGES[code] ?? code }, unexpected: false };
  }
  // Body parser errors (e.g. a JSON syntax error) carry their HTTP status.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  const status = error instanceof HttpException ? error.getStatus() : typeof statusCode === 'number' ? statusCode : 500;
  const code = STATUS_CODES[status];
  if (status < 500 && code) {
    return { status: HTTP_STATUS_FOR_CODE[code], body: { code, message: MESSAGES[code] ?? code }, unexpected: false };
  }
  return {
    status: 500,
    body: { code: 'internal_error', message: 'Something went wrong on our side. Quote the error id when you report it.', errorId },
    unexpected: true,
  };
}
