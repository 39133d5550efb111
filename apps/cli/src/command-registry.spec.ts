import { COMMANDS } from './command-registry';

describe('COMMANDS', () => {
  it('has unique kebab-case names, each with a summary', () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(command.summary.length).toBeGreaterThan(0);
    }
    expect(names).toContain('start');
  });
});
