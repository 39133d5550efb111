export type RequestErrorCode =
  | 'validation_failed'
  | 'malformed_body'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'illegal_transition'
  | 'rate_limited'
  | 'verification_invalid'
  | 'verification_expired'
  | 'verification_locked'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'login_failed'
  | 'second_factor_required'
  | 'account_locked'
  | 'csrf_invalid'
  | 'four_eyes_required'
  | 'extension_unavailable'
  | 'no_data_map'
  | 'package_unavailable'
  | 'legal_hold'
  | 'internal_error';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface RequestExceptionDetails {
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number;
}

// Domain errors carry a stable code; the HTTP edge maps codes to status codes (STYLE.md habit 9).
export class RequestException extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly details?: RequestExceptionDetails,
  ) {
    super(message);
    this.name = 'RequestException';
  }
}
