export interface CliCommand {
  /** What users type: `rightsdesk <name>`. */
  name: string;
  /** One line for `rightsdesk help`. */
  summary: string;
  /** Receives the arguments after the command name; resolves with the process exit code. */
  run(argv: string[]): Promise<number>;
}
