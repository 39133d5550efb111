import { type CliCommand } from './cli-command';
import { apiKeyCommand } from './commands/apikey.command';
import { auditCommand } from './commands/audit.command';
import { dataMapCommand } from './commands/datamap.command';
import { officerCommand } from './commands/officer.command';
import { requestCommand } from './commands/request.command';
import { retentionCommand } from './commands/retention.command';
import { startCommand } from './commands/start.command';

// Add a command: write commands/<name>.command.ts and list it here.
export const COMMANDS: readonly CliCommand[] = [startCommand, requestCommand, officerCommand, dataMapCommand, apiKeyCommand, auditCommand, retentionCommand];
