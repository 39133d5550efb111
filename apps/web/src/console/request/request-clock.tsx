import { formatDate, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { DueBadge } from '../due-badge';
import { requestPageMessages } from './request.messages';

// The statutory clock recomputed by the api for today, with the sentence that explains the date.
export function RequestClock({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).clock;
  const { locale } = useLocale();
  const clock = detail.clock;
  const date = (value: string) => formatDate(value, locale);
  return (
    <section aria-labelledby="request-clock-title">
      <h2 id="request-clock-title">{m.heading}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{m.due}</dt>
          <dd>
            <strong>{date(clock.dueOn)}</strong> <DueBadge daysLeft={clock.daysLeft} />{' '}
            {clock.daysLeft === null ? m.closed : clock.daysLeft < 0 ? m.overdueBy(-clock.daysLeft) : m.daysLeft(clock.daysLeft)}
          </dd>
        </div>
        <div className="fact">
          <dt>{m.original}</dt>
          <dd>{date(clock.originalDueOn)}</dd>
        </div>
        {clock.extended && clock.extendedDueOn ? (
          <div className="fact">
            <dt>{m.extendedTo}</dt>
            <dd>{date(clock.extendedDueOn)}</dd>
          </div>
        ) : null}
        {!clock.extended ? (
          <div className="fact">
            <dt>{m.extendedTo}</dt>
            <dd>{clock.canExtend && clock.extensionNoticeBy && clock.extendedDueOn ? m.canExtend(date(clock.extensionNoticeBy), date(clock.extendedDueOn)) : m.cannotExtend}</dd>
          </div>
        ) : null}
        <div className="fact">
          <dt>{m.explanation}</dt>
          <dd>{clock.explanation}</dd>
        </div>
        <div className="fact">
          <dt>{m.legalBasis}</dt>
          <dd>{clock.legalBasis}</dd>
        </div>
        <div className="fact">
          <dt>{m.holds}</dt>
          <dd>
            {clock.pausedDays > 0 ? m.paused(clock.pausedDays) : m.notPaused}
            {clock.holds.length > 0 ? (
              <ul className="plain-list">
                {clock.holds.map((hold) => (
                  <li key={hold.from}>{hold.to ? m.holdClosed(date(hold.from), date(hold.to)) : m.holdOpen(date(hold.from))}</li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
        {clock.confirmReceiptBy ? (
          <div className="fact">
            <dt>{m.confirmReceipt}</dt>
            <dd>{m.confirmReceiptBy(date(clock.confirmReceiptBy))}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
