import { type RenderedEmail } from './email-layout.template';
import { type ExecutionFailedParams, renderExecutionFailedEmail } from './execution-failed.template';
import { type InformationRequestedParams, renderInformationRequestedEmail } from './information-requested.template';
import { type MailLocale } from './mail-locale';
import { type OfficerDigestParams, renderOfficerDigestEmail } from './officer-digest.template';
import { renderRequestCancelledEmail, type RequestCancelledParams } from './request-cancelled.template';
import { renderRequestCompletedEmail, type RequestCompletedParams } from './request-completed.template';
import { renderRequestDeniedEmail, type RequestDeniedParams } from './request-denied.template';
import { renderRequestExtendedEmail, type RequestExtendedParams } from './request-extended.template';
import { renderRequesterRepliedEmail, type RequesterRepliedParams } from './requester-replied.template';
import { renderRequestVerifiedEmail, type RequestVerifiedParams } from './request-verified.template';
import { renderVerifyRequestEmail, type VerifyRequestParams } from './verify-request.template';

// Stable literals: these names are stored in outbox rows and job payloads, so they never derive
// from a function name.
export type EmailTemplateName =
  | 'verify_request'
  | 'request_verified'
  | 'request_completed'
  | 'execution_failed'
  | 'request_denied'
  | 'request_cancelled'
  | 'request_extended'
  | 'information_requested'
  | 'requester_replied'
  | 'officer_digest';

export const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = [
  'verify_request',
  'request_verified',
  'request_completed',
  'execution_failed',
  'request_denied',
  'request_cancelled',
  'request_extended',
  'information_requested',
  'requester_replied',
  'officer_digest',
];

export interface EmailTemplateParams {
  verify_request: VerifyRequestParams;
  request_verified: RequestVerifiedParams;
  request_completed: RequestCompletedParams;
  execution_failed: ExecutionFailedParams;
  request_denied: RequestDeniedParams;
  request_cancelled: RequestCancelledParams;
  request_extended: RequestExtendedParams;
  information_requested: InformationRequestedParams;
  requester_replied: RequesterRepliedParams;
  officer_digest: OfficerDigestParams;
}

export type EmailMessageSpec = {
  [K in EmailTemplateName]: { template: K; locale: MailLocale; params: EmailTemplateParams[K] };
}[EmailTemplateName];

export type EmailMessageSpecOf<K extends EmailTemplateName> = Extract<EmailMessageSpec, { template: K }>;

export function renderEmail(spec: EmailMessageSpec): RenderedEmail {
  switch (spec.template) {
    case 'verify_request':
      return renderVerifyRequestEmail(spec.params, spec.locale);
    case 'request_verified':
      return renderRequestVerifiedEmail(spec.params, spec.locale);
    case 'request_completed':
      return renderRequestCompletedEmail(spec.params, spec.locale);
    case 'execution_failed':
      return renderExecutionFailedEmail(spec.params, spec.locale);
    case 'request_denied':
      return renderRequestDeniedEmail(spec.params, spec.locale);
    case 'request_cancelled':
      return renderRequestCancelledEmail(spec.params, spec.locale);
    case 'request_extended':
      return renderRequestExtendedEmail(spec.params, spec.locale);
    case 'information_requested':
      return renderInformationRequestedEmail(spec.params, spec.locale);
    case 'requester_replied':
      return renderRequesterRepliedEmail(spec.params, spec.locale);
    case 'officer_digest':
      return renderOfficerDigestEmail(spec.params, spec.locale);
    default: {
      // Specs are read back from outbox rows, so an unknown name can arrive at run time.
      const unknown: never = spec;
      throw new TypeError(`Unknown email template "${String((unknown as { template: unknown }).template)}"`);
    }
  }
}
