import type { RequestDetail } from '../../console-api-types';

export interface ActionProps {
  detail: RequestDetail;
  /** After the api said yes: reload the request and tell the officer what happened. */
  done(message: string): Promise<void>;
}
