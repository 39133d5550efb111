import type { ReactNode } from 'react';
import { type RequestChannel, REQUEST_CHANNELS } from '@rightsdesk/domain';
import { formatDate, formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { RequestStatusBadge } from '../request-status-badge';
import { requestVocabulary } from '../request-vocabulary.messages';
import { requestPageMessages } from './request.messages';

function isChannel(value: string): value is RequestChannel {
  return (REQUEST_CHANNELS as readonly string[]).includes(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RequestFacts({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).request;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const r = detail.request;
  const rows: Array<[string, ReactNode]> = [
    [m.reference, <span className="reference">{r.reference}</span>],
    [m.type, words.types[r.type]],
    [m.status, <RequestStatusBadge status={r.status} />],
    [m.regime, words.regimes[r.regime]],
    [m.country, r.region ? `${r.country}, ${r.region}` : r.country],
    [m.language, r.language === 'de' ? 'Deutsch' : 'English'],
    [m.channel, isChannel(r.channel) ? words.channels[r.channel] : r.channel],
    [m.received, formatDateTime(r.receivedAt, locale)],
    [m.verified, r.verifiedAt ? formatDateTime(r.verifiedAt, locale) : m.notVerified],
    [m.assignee, detail.assignee ? (detail.assignee.displayName ?? detail.assignee.id) : words.unassigned],
  ];
  if (r.closedAt) {
    rows.push([m.closed, formatDateTime(r.closedAt, locale)]);
  }
  if (r.denyReason) {
    rows.push([m.denyReason, words.denyReasons[r.denyReason].label]);
  }
  return (
    <section aria-labelledby="request-facts-title">
      <h2 id="request-facts-title">{m.heading}</h2>
      <Facts rows={rows} />
    </section>
  );
}

// The requester's own data: shown only here (the queue has none), and every view of it is audited.
export function RequesterFacts({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).requester;
  const { locale } = useLocale();
  const { subject, request } = detail;
  const details = record(subject.details);
  const rows: Array<[string, ReactNode]> = [
    [m.email, <span className="break">{subject.email}</span>],
    [m.name, subject.name ?? <span className="muted">{m.none}</span>],
  ];
  const note = text(details.note);
  let extra: ReactNode = null;
  switch (request.type) {
    case 'rectification': {
      const corrections = Array.isArray(details.corrections) ? details.corrections.map(record) : [];
      extra = (
        <>
          <div className="table-scroll" role="region" aria-labelledby="corrections-caption" tabIndex={0}>
            <table>
              <caption id="corrections-caption">{m.corrections}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.correctionField}</th>
                  <th scope="col">{m.correctionCurrent}</th>
                  <th scope="col">{m.correctionNew}</th>
                </tr>
              </thead>
              <tbody>
                {corrections.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">{text(c.field)}</th>
                    <td>{text(c.currentValue) ?? <span className="muted">{m.none}</span>}</td>
                    <td>{text(c.newValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {text(details.explanation) ? <Facts rows={[[m.explanation, <span className="pre-wrap">{text(details.explanation)}</span>]]} /> : null}
        </>
      );
      break;
    }
    case 'opt_out': {
      const channels = Array.isArray(details.channels) ? details.channels.filter((c): c is string => typeof c === 'string') : [];
      rows.push([m.channels, channels.map((c) => m.optOutChannels[c] ?? c).join(', ')]);
      break;
    }
    case 'child_data_removal': {
      const child = record(details.child);
      const childRows: Array<[string, ReactNode]> = [];
      const add = (term: string, value: string | null) => {
        if (value) {
          childRows.push([term, value]);
        }
      };
      add(m.childName, text(child.name));
      add(m.childEmail, text(child.email));
      add(m.childUsername, text(child.username));
      add(m.childBirth, text(child.dateOfBirth) ? formatDate(String(child.dateOfBirth), locale) : null);
      add(m.childAge, text(details.childAge));
      const relationship = text(details.relationship);
      add(m.relationship, relationship ? (m.relationships[relationship] ?? relationship) : null);
      extra = (
        <>
          <h3>{m.child}</h3>
          <Facts rows={childRows} />
        </>
      );
      break;
    }
    case 'access':
    case 'erasure':
      break;
  }
  if (note) {
    rows.push([m.note, <span className="pre-wrap">{note}</span>]);
  }
  return (
    <section aria-labelledby="requester-facts-title">
      <h2 id="requester-facts-title">{m.heading}</h2>
      <Facts rows={rows} />
      {extra}
    </section>
  );
}
