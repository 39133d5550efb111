import { HttpStatus } from '@nestjs/common';
import type { RequestErrorCode } from '@rightsdesk/domain';

// The one place domain error codes become HTTP status codes.
export const HTTP_STATUS_FOR_CODE: Record<RequestErrorCode, HttpStatus> = {
  validation_failed: HttpStatus.UNPROCESSABLE_ENTITY,
  malformed_body: HttpStatus.BAD_REQUEST,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  not_found: HttpStatus.NOT_FOUND,
  illegal_transition: HttpStatus.CONFLICT,
  conflict: HttpStatus.CONFLICT,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  verification_invalid: HttpStatus.BAD_REQUEST,
  verification_expired: HttpStatus.GONE,
  verification_locked: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  login_failed: HttpStatus.UNAUTHORIZED,
  second_factor_required: HttpStatus.UNAUTHORIZED,
  account_locked: HttpStatus.TOO_MANY_REQUESTS,
  csrf_invalid: HttpStatus.FORBIDDEN,
  four_eyes_required: HttpStatus.CONFLICT,
  extension_unavailable: HttpStatus.CONFLICT,
  no_data_map: HttpStatus.CONFLICT,
  package_unavailable: HttpStatus.GONE,
  legal_hold: HttpStatus.CONFLICT,
  internal_error: HttpStatus.INTERNAL_SERVER_ERROR,
};
