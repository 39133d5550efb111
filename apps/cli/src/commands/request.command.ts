import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { normalizeReference, RequestException } from '@rightsdesk/domain';
import { ExecutionService } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliConfig, withWorkflow } from '../cli-context';

const USAGE = `usage: rightsdesk request <action> <reference> [options]

  approve <reference>…                 approve verified requests; the worker executes them
  retry <reference> [--system <key>]   run the failed systems of a failed request again
  show <reference>                     status and per-system outcome (no personal data)

Acts as an officer signed in at this machine ("cli"); the console (a later issue) does the same
with officer accounts. Reads DATABASE_URL, REDIS_URL, SMTP_URL and SECRET_KEY like the api, or
the embedded demo's settings while \`npm start\` runs.`;

const ACTOR = { type: 'officer' as const, id: 'cli' };

export const requestCommand: CliCommand = {
  name: 'request',
  summary: 'request approve|retry|show <reference> — act on a request from the shell',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { system: { type: 'string' } },
        strict: true,
      });
    } catch (error) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const [action, ...inputs] = parsed.positionals;
    const references = inputs.map((input) => normalizeReference(input));
    const single = action !== 'approve';
    if (
      !['approve', 'retry', 'show'].includes(action ?? '') ||
      references.length === 0 ||
      (single && references.length > 1) ||
      references.some((reference) => !reference)
    ) {
      console.error(USAGE);
      return 2;
    }
    const config = cliConfig();
    if (!config) {
      return 2;
    }
    return withWorkflow(config, async (app) => {
      let code = 0;
      for (const reference of references as string[]) {
        const result = await act(app, action as Action, reference, parsed.values.system ?? null);
        code = Math.max(code, result);
      }
      return code;
    });
  },
};

type Action = 'approve' | 'retry' | 'show';

async function act(
  app: INestApplicationContext,
  action: Action,
  reference: string,
  system: string | null,
): Promise<number> {
  const request = await app.get(PrivacyRequestRepository).findByReference(reference);
  if (!request) {
    console.error(`no request ${reference}`);
    return 1;
  }
  try {
    switch (action) {
      case 'approve':
        await app.get(ExecutionService).approve(request.id, ACTOR);
        console.log(
          `${reference} approved; the worker executes it now (rightsdesk request show ${reference})`,
        );
        return 0;
      case 'retry': {
        const systems = await app.get(ExecutionService).retry(request.id, system, ACTOR);
        console.log(`${reference}: retrying ${systems.join(', ')}`);
        return 0;
      }
      default: {
        const view = await app.get(ExecutionRepository).view(request.id);
        console.log(`${reference}  ${request.type}  ${request.status}  due ${request.dueOn}`);
        for (const system of view?.systems ?? []) {
          const counts = (system.outcome?.collections ?? [])
            .map((c) => `${c.collection} ${c.found}/${c.changed}`)
            .join(', ');
          console.log(
            `  ${system.systemKey.padEnd(20)} ${system.status.padEnd(18)} ${system.errorCode ?? counts}`,
          );
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof RequestException) {
      console.error(`${reference}: ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
