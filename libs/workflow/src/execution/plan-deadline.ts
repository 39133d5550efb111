import type { Connector } from '@rightsdesk/connectors';

/** A dry-run read that did not answer before the plan's deadline. */
export class PlanTimeout extends Error {
  constructor(what: string) {
    super(`${what} did not answer in time`);
    this.name = 'timeout';
  }
}

function race<T>(work: Promise<T>, deadline: number, what: string): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) {
    // The read may already be under way; its answer is simply not waited for.
    work.catch(() => undefined);
    return Promise.reject(new PlanTimeout(what));
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PlanTimeout(what)), left);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The connector's counting reads, each given only the time left until `deadline`: a slow system
 * fails alone (the dry run records it) instead of holding the officer's page.
 */
export function withDeadline(connector: Connector, deadline: number): Connector {
  const what = connector.system.key;
  return Object.assign(Object.create(connector) as Connector, {
    count: (subject: Parameters<Connector['count']>[0]) => race(connector.count(subject), deadline, what),
    resolveKeys: (subject: Parameters<Connector['resolveKeys']>[0], wanted: Parameters<Connector['resolveKeys']>[1]) =>
      race(connector.resolveKeys(subject, wanted), deadline, what),
  });
}
