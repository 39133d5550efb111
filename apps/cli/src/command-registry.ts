import { type CliCommand } from './cli-command';
import { startCommand } from './commands/start.command';

// Add a command: write commands/<name>.command.ts and list it here.
export const COMMANDS: readonly CliCommand[] = [startCommand];
