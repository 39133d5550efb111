import { AuditView } from './audit-view.service';
import { ConsoleMetrics } from './console-metrics.service';
import { RequestConversation } from './request-conversation.service';
import { RequestDetailService } from './request-detail.service';
import { RequestQueue } from './request-queue.service';

/** The services behind the console's reads (queue, request detail, audit view, metrics). */
export const QUEUE_SERVICES = [
  AuditView,
  ConsoleMetrics,
  RequestConversation,
  RequestDetailService,
  RequestQueue,
];
