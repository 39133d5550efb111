import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, ConfigModule, loadConfig } from '@rightsdesk/config';
import { AuditTrail, WorkflowModule } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';

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
    let config;
    try {
      config = loadConfig();
    } catch (error) {
      console.error(error instanceof ConfigError ? error.message : error);
      return 2;
    }

    @Module({ imports: [ConfigModule.forRoot(config), WorkflowModule] })
    class AuditCliModule {}

    Logger.overrideLogger(['error']);
    const app = await NestFactory.createApplicationContext(AuditCliModule, { logger: ['error'] });
    try {
      const result = await app.get(AuditTrail).verify();
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} event(s) verified`);
        return 0;
      }
      console.log(`audit trail BROKEN at event ${result.firstBroken.sequence} (${result.firstBroken.reason}); ${result.checked} event(s) checked`);
      return 1;
    } finally {
      await app.close();
    }
  },
};
