import type { RequestStatus } from '@rightsdesk/domain';
import { Badge, type BadgeTone } from '../components/badge';
import { useMessages } from '../i18n/locale';
import { requestVocabulary } from './request-vocabulary.messages';

// Amber is kept for "due soon" alone, so a status never reads like a deadline warning.
const TONES: Record<RequestStatus, BadgeTone> = {
  pending_verification: 'neutral',
  awaiting_review: 'neutral',
  on_hold: 'neutral',
  approved: 'neutral',
  in_progress: 'neutral',
  completed: 'success',
  failed: 'danger',
  denied: 'neutral',
  cancelled: 'neutral',
  expired: 'neutral',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const words = useMessages(requestVocabulary);
  return <Badge tone={TONES[status]}>{words.statuses[status]}</Badge>;
}
