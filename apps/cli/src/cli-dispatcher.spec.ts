import { type CliCommand } from './cli-command';
import { dispatch, helpText } from './cli-dispatcher';

describe('dispatch', () => {
  const ran: string[][] = [];
  const commands: CliCommand[] = [
    {
      name: 'greet',
      summary: 'Say hello',
      run: (argv) => {
        ran.push(argv);
        return Promise.resolve(7);
      },
    },
  ];
  let out: string;
  let err: string;
  const output = { out: (text: string) => (out += text), err: (text: string) => (err += text) };

  beforeEach(() => {
    ran.length = 0;
    out = '';
    err = '';
  });

  it('runs the named command with the remaining arguments and returns its exit code', async () => {
    expect(await dispatch(['greet', '--loud', 'x'], commands, output)).toBe(7);
    expect(ran).toEqual([['--loud', 'x']]);
  });

  it('rejects an unknown command with exit code 2 and the list of commands', async () => {
    expect(await dispatch(['frobnicate'], commands, output)).toBe(2);
    expect(err).toContain('Unknown command: frobnicate');
    expect(err).toContain('greet  Say hello');
    expect(ran).toEqual([]);
  });

  it.each([[[]], [['help']], [['--help']]])('prints help for %j', async (argv) => {
    expect(await dispatch(argv, commands, output)).toBe(0);
    expect(out).toBe(helpText(commands));
    expect(out).toMatch(/^Usage: rightsdesk <command>/);
    expect(out).toContain('help   Show this list');
  });
});
