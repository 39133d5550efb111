import { type DemoAdmin, resetPasswordCommand } from './demo-admin';

export interface ServiceLine {
  label: string;
  embedded: boolean;
  url: string;
  /** Where an embedded service keeps its data, relative to the repository. */
  where?: string;
}

export interface BannerInput {
  appUrl: string;
  docsUrl: string;
  mailboxUrl?: string;
  apiHealthUrl: string;
  workerHealthUrl: string;
  services: ServiceLine[];
  /** The embedded demo's admin account; its password only on the start that created it. */
  demoAdmin?: DemoAdmin;
}

export function renderStartBanner(input: BannerInput): string {
  const rows: string[] = [
    'Rightsdesk is running',
    '',
    `App          ${input.appUrl}`,
    `API docs     ${input.docsUrl}`,
    ...(input.mailboxUrl ? [`Mailbox      ${input.mailboxUrl}`] : []),
    `Health       ${input.apiHealthUrl}`,
    `             ${input.workerHealthUrl} (worker)`,
    '',
    ...(input.demoAdmin ? [...demoAdminRows(input.appUrl, input.demoAdmin), ''] : []),
    ...input.services.map(
      (service) =>
        `${service.label.padEnd(12)} ${service.embedded ? 'embedded' : 'external'}  ${redactUrl(service.url)}${service.where ? `  (${service.where})` : ''}`,
    ),
    '',
    'Press Ctrl-C to stop everything.',
  ];
  const width = Math.max(...rows.map((row) => row.length));
  return [
    `┌${'─'.repeat(width + 2)}┐`,
    ...rows.map((row) => `│ ${row.padEnd(width)} │`),
    `└${'─'.repeat(width + 2)}┘`,
  ].join('\n');
}

function demoAdminRows(appUrl: string, admin: DemoAdmin): string[] {
  const consoleRow = `Console      ${appUrl}/console`;
  if (admin.state === 'created') {
    return [consoleRow, `Demo admin   ${admin.email}`, `Password     ${admin.password}  (shown only now: note it)`];
  }
  return [
    consoleRow,
    `Demo admin   ${admin.email} (its password was shown at the first start)`,
    `New password ${resetPasswordCommand(admin.email)}`,
  ];
}

/** Hides passwords (and secret-looking query parameters) so URLs can be printed. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unparseable URL)';
  }
  if (url.password) {
    url.password = '***';
  }
  for (const key of [...url.searchParams.keys()]) {
    if (/pass|secret|token|key/i.test(key)) {
      url.searchParams.set(key, '***');
    }
  }
  return url.toString().replace(/%2A%2A%2A/g, '***');
}
