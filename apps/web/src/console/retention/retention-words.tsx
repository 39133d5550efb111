import { Fragment } from 'react';
import { Badge, type BadgeTone } from '../../components/badge';
import type { Locale } from '../../i18n/locale';
import type { DataMapMessages } from '../data-map/data-map.messages';
import { durationWords } from '../data-map/data-map-words';
import type { RetentionMessages } from './retention.messages';
import type { RetentionRule, RetentionRunStatus } from './retention-types';

const STATUS_TONES: Record<RetentionRunStatus, BadgeTone> = {
  running: 'warning',
  paused: 'warning',
  completed: 'success',
  cancelled: 'neutral',
  failed: 'danger',
  held: 'neutral',
};

export function RunStatusBadge({ m, status }: { m: RetentionMessages; status: RetentionRunStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{m.runs.statuses[status]}</Badge>;
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(value);
}

/** "Deletes after 30 days", in the reader's words from the rule's action and ISO 8601 period. */
export function actionWords(m: RetentionMessages, words: DataMapMessages, rule: Pick<RetentionRule, 'action' | 'period'>): string {
  return `${m.rules.actionWords[rule.action]} ${rule.period ? m.rules.after(durationWords(words, rule.period)) : m.rules.noPeriod}`;
}

/**
 * The rule's description: Rightsdesk's own rules have theirs in every language; the data map's are
 * written by the api in English, marked as such so screen readers read them in an English voice.
 */
export function RuleDescription({ m, locale, ruleId, description }: { m: RetentionMessages; locale: Locale; ruleId: string; description: string }) {
  const translated = m.descriptions[ruleId];
  if (translated || locale === 'en') {
    return <>{translated ?? description}</>;
  }
  return (
    <>
      <span lang="en">{description}</span> <span className="hint-inline">{m.rules.englishOnly}</span>
    </>
  );
}

/** A rule id (`shop.page_views.delete`), breakable only after its dots in a narrow column. */
export function RuleId({ id }: { id: string }) {
  const parts = id.split('.');
  return (
    <code>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              .<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </code>
  );
}
