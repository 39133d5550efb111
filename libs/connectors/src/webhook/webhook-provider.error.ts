/**
 * `provider_http_<status>` for any answer but 200 and 202. The provider's body is never part of the
 * message: it may echo the data subject's identities.
 */
export type WebhookErrorCode =
  | `provider_http_${number}`
  | 'provider_bad_response'
  | 'provider_failed'
  | 'provider_timeout'
  | 'provider_unreachable'
  | 'aborted'
  | 'config_invalid';

export class WebhookProviderError extends Error {
  constructor(
    readonly code: WebhookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookProviderError';
  }

  /** Worth another attempt later: the provider may answer next time. */
  get transient(): boolean {
    return (
      this.code === 'provider_timeout' ||
      this.code === 'provider_unreachable' ||
      /^provider_http_(408|425|429|5\d\d)$/.test(this.code)
    );
  }
}
