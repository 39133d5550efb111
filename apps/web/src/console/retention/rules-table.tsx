import { Badge } from '../../components/badge';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { dataMapMessages } from '../data-map/data-map.messages';
import { retentionMessages } from './retention.messages';
import type { RetentionRule } from './retention-types';
import { actionWords, formatCount, RuleDescription, RuleId, RunStatusBadge } from './retention-words';

export type RuleAction = 'run' | 'hold' | 'lift';

interface RulesTableProps {
  rules: RetentionRule[];
  /** Admins get the actions column; the api refuses the others anyway. */
  admin: boolean;
  busy: boolean;
  onAction(rule: RetentionRule, action: RuleAction): void;
}

// One row per rule: what it does, where it comes from, when it runs, whether it is held, how its
// latest run went, and (for admins) run now and the legal hold.
export function RulesTable({ rules, admin, busy, onAction }: RulesTableProps) {
  const m = useMessages(retentionMessages);
  const words = useMessages(dataMapMessages);
  const { locale } = useLocale();
  // Every button names its rule, for screen readers listing buttons out of context.
  const button = (rule: RetentionRule, action: RuleAction, label: string, options: { danger?: boolean; disabled?: boolean; describedBy?: string } = {}) => (
    <button
      type="button"
      className={options.danger ? 'danger' : 'secondary'}
      disabled={busy || options.disabled}
      aria-describedby={options.describedBy}
      onClick={() => onAction(rule, action)}
    >
      {label}
      <span className="visually-hidden">{m.rules.forRule(rule.id)}</span>
    </button>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={m.rules.caption}>
      <table className="retention-rules-table">
        <caption>{m.rules.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.rules.rule}</th>
            <th scope="col">{m.rules.what}</th>
            <th scope="col">{m.rules.source}</th>
            <th scope="col">{m.rules.schedule}</th>
            <th scope="col">{m.rules.hold}</th>
            <th scope="col">{m.rules.latestRun}</th>
            {admin ? <th scope="col">{m.rules.actions}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => {
            const holdId = `retention-hold-${index}`;
            const run = rule.latestRun;
            return (
              <tr key={rule.id} data-rule={rule.id}>
                <th scope="row">
                  <RuleId id={rule.id} />
                </th>
                <td>
                  <strong>{actionWords(m, words, rule)}</strong>
                  <span className="cell-note">
                    <RuleDescription m={m} locale={locale} ruleId={rule.id} description={rule.description} />
                  </span>
                </td>
                <td>{m.rules.sources[rule.source]}</td>
                <td>
                  <code className="nowrap">{m.rules.cron(rule.schedule.cron, rule.schedule.timezone)}</code>
                  <span className="cell-note">{rule.nextRunAt ? m.rules.nextRun(formatDateTime(rule.nextRunAt, locale)) : m.rules.notScheduled}</span>
                </td>
                <td id={holdId} className="retention-hold">
                  {rule.hold ? (
                    <>
                      <Badge tone="warning">{m.rules.held}</Badge>
                      <span className="cell-note pre-wrap">{rule.hold.reason}</span>
                      <span className="cell-note">
                        {m.rules.holdFrom[rule.hold.source]}
                        {rule.hold.placedAt ? ` ${m.rules.holdPlacedAt(formatDateTime(rule.hold.placedAt, locale))}` : ''}
                      </span>
                      {admin ? <span className="cell-note">{rule.hold.source === 'console' ? m.rules.heldCannotRun : m.rules.dataMapHoldStays}</span> : null}
                    </>
                  ) : (
                    m.rules.noHold
                  )}
                </td>
                <td className="retention-latest-run">
                  {run ? (
                    <>
                      <RunStatusBadge m={m} status={run.status} />
                      <span className="cell-note">{m.rules.rowsAffected(formatCount(run.rowsAffected, locale))}</span>
                      <span className="cell-note">{m.rules.runStarted(formatDateTime(run.startedAt, locale))}</span>
                    </>
                  ) : (
                    m.rules.neverRun
                  )}
                </td>
                {admin ? (
                  <td>
                    <div className="row-actions">
                      {button(rule, 'run', m.rules.runNow, { disabled: rule.hold !== null, describedBy: rule.hold ? holdId : undefined })}
                      {rule.hold === null ? button(rule, 'hold', m.rules.placeHold) : null}
                      {rule.hold?.source === 'console' ? button(rule, 'lift', m.rules.liftHold, { danger: true }) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
