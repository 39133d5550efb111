import { AuditTrail } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliConfig, withWorkflow } from '../cli-context';

const USAGE = 'usage: rightsdesk audit verify   (reads DATABASE_URL, REDIS_URL, SMTP_URL and SECRET_KEY like the api)';

// `audit verify`: recomputes the whole hash chain of the audit trail and names the first row
// that does not match. Exit code 0 when intact, 1 when broken, 2 on usage or configuration errors.
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'audit verify — check the audit trail hash chain and name the first broken row',
  async run(argv) {
    if (argv[0] !== 'verify') {
      console.error(USAGE);
      return 2;
    }
    const config = cliConfig();
    if (!config) {
      return 2;
    }
    return withWorkflow(config, async (app) => {
      const result = await app.get(AuditTrail).verify();
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} event(s) verified`);
        return 0;
      }
      console.log(`audit trail BROKEN at event ${result.firstBroken.sequence} (${result.firstBroken.reason}); ${result.checked} event(s) checked`);
      return 1;
    });
  },
};
