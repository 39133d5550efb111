import type { INestApplicationContext } from '@nestjs/common';
import { RequestException } from '@rightsdesk/domain';
import { RetentionOverview, type RetentionPlanEntry, retentionRunView, RetentionRuns } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliConfig, withWorkflow } from '../cli-context';

const USAGE = `usage: rightsdesk retention plan [rule-id] [--json]   what each rule would change now (a dry run)
       rightsdesk retention runs [rule-id]             the latest runs
       rightsdesk retention run <rule-id>              run a rule now, in this process
(reads DATABASE_URL, REDIS_URL, SMTP_URL, SECRET_KEY and DATAMAP_PATH like the worker)`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

export function planTable(plan: RetentionPlanEntry[]): string {
  const rows = [['rule', 'action', 'due', 'sample keys', 'note']];
  for (const entry of plan) {
    const note = entry.error ? `error: ${entry.error}` : entry.hold ? `legal hold: ${entry.hold.reason}` : '';
    rows.push([entry.ruleId, entry.action, entry.due === null ? '?' : entry.due.toLocaleString('en-US'), entry.sampleKeys.join(', '), note]);
  }
  return table(rows);
}

// `retention …`: the dry run the issue asks for on the command line, the run history, and a way to
// run one rule now (the run takes the same lease a worker would, so it never doubles a worker's).
export const retentionCommand: CliCommand = {
  name: 'retention',
  summary: 'retention plan|runs|run — what retention would change now, past runs, run a rule now',
  async run(argv) {
    const [sub, ...rest] = argv;
    const json = rest.includes('--json');
    const ruleId = rest.find((arg) => !arg.startsWith('--'));
    if (!['plan', 'runs', 'run'].includes(sub ?? '') || (sub === 'run' && !ruleId)) {
      console.error(USAGE);
      return 2;
    }
    const config = cliConfig();
    if (!config) {
      return 2;
    }
    return withWorkflow(config, (app) => command(app, sub, ruleId, json)).catch((error: unknown) => {
      if (error instanceof RequestException) {
        console.error(error.message);
        return 2;
      }
      throw error;
    });
  },
};

/** One subcommand inside the workflow context. */
async function command(app: INestApplicationContext, sub: string, ruleId: string | undefined, json: boolean): Promise<number> {
  if (sub === 'plan') {
    const plan = await app.get(RetentionOverview).plan(ruleId);
    console.log(json ? JSON.stringify(plan, null, 2) : `As of ${plan[0]?.asOf.toISOString() ?? new Date().toISOString()}; nothing is changed.\n${planTable(plan)}`);
    return plan.some((entry) => entry.error) ? 1 : 0;
  }
  const runs = app.get(RetentionRuns);
  if (sub === 'runs') {
    const list = (await runs.list({ ruleId, limit: 20 })).map(retentionRunView);
    console.log(
      json
        ? JSON.stringify(list, null, 2)
        : table([
            ['started', 'rule', 'status', 'rows', 'batches', 'errors'],
            ...list.map((run) => [run.startedAt, run.ruleId, run.status, String(run.rowsAffected), String(run.batches), String(run.errors)]),
          ]),
    );
    return 0;
  }
  const { run, started } = await runs.start(ruleId!, 'manual', null);
  if (run.status !== 'running') {
    console.log(`${run.ruleId}: ${run.status}${run.lastError ? ` (${run.lastError})` : ''}`);
    return 1;
  }
  const outcome = await runs.work(run.id);
  const finished = retentionRunView(await runs.find(run.id));
  console.log(
    `${finished.ruleId}: ${outcome === 'busy' ? 'another process is working this run' : finished.status}${started ? '' : ' (continued the active run)'}; ` +
      `${finished.rowsAffected} row(s) in ${finished.batches} batch(es), ${finished.errors} error(s)`,
  );
  return finished.status === 'completed' ? 0 : 1;
}
