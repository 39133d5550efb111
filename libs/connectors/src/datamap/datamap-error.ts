import type { DataMapIssue } from './datamap.types';

export function formatDataMapIssue(issue: DataMapIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/** One line per issue: `file:line:column path: message`. */
export function formatDataMapIssues(issues: readonly DataMapIssue[]): string {
  return issues.map(formatDataMapIssue).join('\n');
}

/** A data map that cannot be used; `issues` lists every problem found, in file order. */
export class DataMapError extends Error {
  readonly issues: DataMapIssue[];

  constructor(issues: DataMapIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const file = issues[0]?.file ?? 'data map';
    super(`${file}: ${count} in the data map\n${formatDataMapIssues(issues)}`);
    this.name = 'DataMapError';
    this.issues = issues;
  }
}
