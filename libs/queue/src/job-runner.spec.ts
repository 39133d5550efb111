import { JOB_NAMES } from './job-catalogue';
import { checkHandlers } from './job-runner';

const handler = (jobName: string) => ({ jobName, handle: () => Promise.resolve() });

describe('job handler boot check', () => {
  it('accepts exactly one handler per job name', () => {
    expect([...checkHandlers(JOB_NAMES.map(handler)).keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses a missing handler, a duplicate and an unknown job', () => {
    const [first, ...rest] = JOB_NAMES;
    expect(() => checkHandlers(rest.map(handler))).toThrow(`job "${first}" has 0 handlers, expected exactly 1`);
    expect(() => checkHandlers([...JOB_NAMES.map(handler), handler(first)])).toThrow(`job "${first}" has 2 handlers`);
    expect(() => checkHandlers([...JOB_NAMES.map(handler), handler('mystery')])).toThrow('handler for unknown job "mystery"');
  });
});
