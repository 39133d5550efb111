import type { SystemKind } from '@rightsdesk/connectors';

/** Where a system's provider or processor posts its answers; OpenDSR callbacks have their own receiver. */
export function callbackUrlFor(publicUrl: string, systemKey: string, kind: SystemKind | undefined): string {
  return kind === 'opendsr'
    ? `${publicUrl}/api/v1/opendsr/${systemKey}/callbacks`
    : `${publicUrl}/api/v1/providers/${systemKey}/callbacks`;
}
