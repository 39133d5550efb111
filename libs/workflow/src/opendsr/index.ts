export { callbackUrlFor } from './callback-url';
export { OpenDsrCallbackService, type OpenDsrCallbackInput } from './opendsr-callback.service';
export { type OpenDsrOutcome, OpenDsrOutcomes } from './opendsr-outcomes.service';
export { OpenDsrStatusPoller, type PollReport } from './opendsr-status-poller.service';
export { OpenDsrCancellation } from './opendsr-cancellation.service';
