import type { PrivacyRequestEntity } from '@rightsdesk/data-access';
import { type CalendarDate, computeDeadline, type Deadline } from '@rightsdesk/domain';

export type ClockFields = Pick<PrivacyRequestEntity, 'regime' | 'type' | 'receivedOn' | 'extended' | 'holds'>;

/** The statutory deadline of a request as it stands on `today` (holds and extension included). */
export function requestDeadline(request: ClockFields, today: CalendarDate): Deadline {
  return computeDeadline({
    regime: request.regime,
    type: request.type,
    receivedOn: request.receivedOn,
    extended: request.extended,
    holds: request.holds ?? [],
    today,
  });
}
