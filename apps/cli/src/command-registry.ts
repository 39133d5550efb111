import { type CliCommand } from './cli-command';
import { auditCommand } from './commands/audit.command';
import { startCommand } from './commands/start.command';

// Add a command: write commands/<name>.command.ts and list it here.
export const COMMANDS: readonly CliCommand[] = [startCommand, auditCommand];
