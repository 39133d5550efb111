/**
 * Why talking to a processor failed. `processor_http_<status>` for an unexpected HTTP status. The
 * processor's body never goes into a message: it may echo the data subject's identities.
 */
export type OpenDsrErrorCode =
  | `processor_http_${number}`
  | 'processor_bad_response'
  | 'processor_bad_signature'
  | 'processor_certificate_invalid'
  | 'processor_domain_not_allowed'
  | 'processor_unsupported'
  | 'processor_cancelled'
  | 'processor_timeout'
  | 'processor_unreachable'
  | 'aborted'
  | 'config_invalid';

export class OpenDsrError extends Error {
  constructor(
    readonly code: OpenDsrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OpenDsrError';
  }

  /** Worth another attempt later: the processor may answer next time. */
  get transient(): boolean {
    return (
      this.code === 'processor_timeout' ||
      this.code === 'processor_unreachable' ||
      /^processor_http_(408|425|429|5\d\d)$/.test(this.code)
    );
  }
}
