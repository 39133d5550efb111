import type { DataMapMessages } from './data-map.messages';
import type { DataMapCollection } from './data-map-types';
import { durationWords, erasureWords } from './data-map-words';

type Rule = DataMapCollection['retention'][number];
type Schedule = Rule['schedule'];

function scheduleWords(m: DataMapMessages, schedule: Schedule): string {
  return schedule ? m.retentionSchedule(schedule.cron, schedule.timezone) : m.retentionDefaultSchedule;
}

function RuleText({ m, rule }: { m: DataMapMessages; rule: Rule }) {
  return (
    <>
      <code>{rule.name}</code>: {m.retentionRule(rule.action, durationWords(m, rule.period), rule.field)}
      {rule.condition ? `, ${m.retentionCondition(rule.condition.field, durationWords(m, rule.condition.olderThan))}` : ''}.
      {rule.anonymize.length > 0 ? ` ${m.retentionAnonymize(rule.anonymize.map((a) => `${a.field} (${erasureWords(m, a.erasure)})`).join(', '))}.` : ''}
      {` ${scheduleWords(m, rule.schedule)}.`}
      {rule.legalHold ? <strong className="legal-hold"> {m.legalHold}</strong> : null}
    </>
  );
}

// A collection's retention rules and its children check, as terms of the collection's fact list.
export function RetentionFacts({ m, collection }: { m: DataMapMessages; collection: DataMapCollection }) {
  const rules = collection.retention;
  const children = collection.children;
  return (
    <>
      <dt>{m.retention}</dt>
      <dd>
        {rules.length === 0 ? m.noRetention : null}
        {rules.length === 1 ? <RuleText m={m} rule={rules[0]} /> : null}
        {rules.length > 1 ? (
          <ul className="data-map-rules">
            {rules.map((rule) => (
              <li key={rule.id}>
                <RuleText m={m} rule={rule} />
              </li>
            ))}
          </ul>
        ) : null}
      </dd>
      {children ? (
        <>
          <dt>{m.children}</dt>
          <dd>
            {m.childrenRule(children.under, children.birthDate)} {scheduleWords(m, children.schedule)}.
          </dd>
        </>
      ) : null}
    </>
  );
}
