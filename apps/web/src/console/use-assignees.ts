import { api } from '../api/client';
import type { Assignee } from './console-api-types';
import { useConsoleCall } from './use-console-call';
import { type Loaded, useLoad } from './use-load';

/** Who requests can be assigned to (active admins and officers), for filters and assign forms. */
export function useAssignees(): Loaded<Assignee[]> {
  const call = useConsoleCall();
  const { state } = useLoad(async () => (await call(api.GET('/api/v1/console/assignees'))).assignees, 'assignees');
  return state;
}
