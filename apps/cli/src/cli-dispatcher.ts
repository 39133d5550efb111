import { type CliCommand } from './cli-command';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs `rightsdesk <command> [args]`; resolves with the exit code (2 for a usage error). */
export async function dispatch(
  argv: string[],
  commands: readonly CliCommand[],
  output: CliOutput = processOutput,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    output.out(helpText(commands));
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`Unknown command: ${name}\n\n${helpText(commands)}`);
    return 2;
  }
  return command.run(rest);
}

export function helpText(commands: readonly CliCommand[]): string {
  const all = [...commands, { name: 'help', summary: 'Show this list' }];
  const width = Math.max(...all.map((command) => command.name.length));
  const lines = all.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: rightsdesk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `rightsdesk <command> --help` for its options.',
    '',
  ].join('\n');
}
