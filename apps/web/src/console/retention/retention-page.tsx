import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { ConsolePage } from '../console-layout';
import { useOfficer } from '../session';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { DryRun } from './dry-run';
import { HoldDialog } from './hold-dialog';
import { retentionMessages } from './retention.messages';
import type { RetentionRule, RetentionRun } from './retention-types';
import { type RuleAction, RulesTable } from './rules-table';
import { type RunAction, RunsSection } from './runs-section';

type Outcome = { tone: 'success' | 'warning'; message: string } | { tone: 'error'; error: unknown };

// Scheduled retention for every role: the rules with their schedules, holds and latest runs, the
// dry run, and the record of runs. Admins run a rule now, pause, resume or cancel a run, and place
// or lift legal holds; every answer (a refusal too) is shown above the rules.
export function RetentionPage() {
  const m = useMessages(retentionMessages);
  const { locale } = useLocale();
  const call = useConsoleCall();
  const admin = useOfficer().role === 'admin';
  const { state, reload } = useLoad(async () => (await call(api.GET('/api/v1/console/retention/rules'))).rules, 'retention-rules');
  const [refreshKey, setRefreshKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [holding, setHolding] = useState<RetentionRule | null>(null);
  const [lifting, setLifting] = useState<RetentionRule | null>(null);
  const [cancelling, setCancelling] = useState<RetentionRun | null>(null);

  const refresh = async () => {
    setRefreshKey((key) => key + 1);
    await reload();
  };
  // The outcome is set after the reload, so the tables already show what it says.
  const act = async (work: () => Promise<Outcome>, before: () => void = () => undefined) => {
    setBusy(true);
    let next: Outcome;
    try {
      next = await work();
    } catch (error) {
      next = { tone: 'error', error };
    }
    before();
    await refresh();
    setOutcome(next);
    setBusy(false);
  };

  const runNow = (rule: RetentionRule) =>
    act(async () => {
      const { run, started } = await call(api.POST('/api/v1/console/retention/rules/{ruleId}/runs', { params: { path: { ruleId: rule.id } } }));
      return started
        ? { tone: 'success', message: m.outcome.started(rule.id) }
        : { tone: 'warning', message: m.outcome.alreadyActive(rule.id, m.runs.statuses[run.status], formatDateTime(run.startedAt, locale)) };
    });
  const onRuleAction = (rule: RetentionRule, action: RuleAction) => {
    switch (action) {
      case 'run':
        void runNow(rule);
        break;
      case 'hold':
        setHolding(rule);
        break;
      case 'lift':
        setLifting(rule);
        break;
    }
  };
  const lift = (rule: RetentionRule) =>
    act(
      async () => {
        const { lifted } = await call(api.DELETE('/api/v1/console/retention/rules/{ruleId}/hold', { params: { path: { ruleId: rule.id } } }));
        return lifted ? { tone: 'success', message: m.outcome.holdLifted(rule.id) } : { tone: 'warning', message: m.outcome.holdStays(rule.id) };
      },
      () => setLifting(null),
    );
  const runAction = (run: RetentionRun, action: Exclude<RunAction, 'cancel'> | 'confirmed-cancel') =>
    act(
      async () => {
        const path = { params: { path: { id: run.id } } };
        switch (action) {
          case 'pause':
            await call(api.POST('/api/v1/console/retention/runs/{id}/pause', path));
            return { tone: 'success', message: m.outcome.paused(run.ruleId) };
          case 'resume':
            await call(api.POST('/api/v1/console/retention/runs/{id}/resume', path));
            return { tone: 'success', message: m.outcome.resumed(run.ruleId) };
          case 'confirmed-cancel':
            await call(api.POST('/api/v1/console/retention/runs/{id}/cancel', path));
            return { tone: 'success', message: m.outcome.cancelled(run.ruleId) };
        }
      },
      () => setCancelling(null),
    );

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      {admin ? null : <Notice>{m.readOnly}</Notice>}
      <OutcomeNotice outcome={outcome} />
      <section aria-labelledby="retention-rules-heading">
        <h2 id="retention-rules-heading">{m.rules.heading}</h2>
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
        {state.status === 'ready' && state.data.length === 0 ? <Notice>{m.rules.none}</Notice> : null}
        {state.status === 'ready' && state.data.length > 0 ? <RulesTable rules={state.data} admin={admin} busy={busy} onAction={onRuleAction} /> : null}
      </section>
      <DryRun />
      <RunsSection
        ruleIds={state.status === 'ready' ? state.data.map((rule) => rule.id) : []}
        admin={admin}
        busy={busy}
        refreshKey={refreshKey}
        onRefresh={() => void refresh()}
        onAction={(run, action) => {
          if (action === 'cancel') {
            setCancelling(run);
          } else {
            void runAction(run, action);
          }
        }}
      />
      {admin ? (
        <>
          <HoldDialog
            rule={holding}
            onClose={() => setHolding(null)}
            onPlaced={async (rule) => {
              setHolding(null);
              await refresh();
              setOutcome({ tone: 'success', message: m.outcome.holdPlaced(rule.id) });
            }}
          />
          <ConfirmDialog
            open={lifting !== null}
            title={lifting ? m.liftDialog.title(lifting.id) : ''}
            confirmLabel={m.liftDialog.confirm}
            cancelLabel={m.liftDialog.cancel}
            danger
            busy={busy}
            onClose={() => setLifting(null)}
            onConfirm={() => {
              if (lifting) {
                void lift(lifting);
              }
            }}
          >
            <p>{m.liftDialog.body(lifting?.hold?.reason ?? '')}</p>
          </ConfirmDialog>
          <ConfirmDialog
            open={cancelling !== null}
            title={cancelling ? m.cancelDialog.title(cancelling.ruleId) : ''}
            confirmLabel={m.cancelDialog.confirm}
            cancelLabel={m.cancelDialog.cancel}
            danger
            busy={busy}
            onClose={() => setCancelling(null)}
            onConfirm={() => {
              if (cancelling) {
                void runAction(cancelling, 'confirmed-cancel');
              }
            }}
          >
            <p>{m.cancelDialog.body}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </ConsolePage>
  );
}

/** What the last action did (or the api's refusal), focused so it is read out at once. */
function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) {
      box.current?.focus();
    }
  }, [outcome]);
  return (
    <div ref={box} tabIndex={-1} className="done-notice retention-outcome">
      {outcome?.tone === 'error' ? <ProblemNotice error={outcome.error} /> : null}
      {outcome && outcome.tone !== 'error' ? <Notice tone={outcome.tone}>{outcome.message}</Notice> : null}
    </div>
  );
}
