import { ConsolePage } from '../console-layout';

export function NewRequestPage() {
  return <ConsolePage title="Log a request">{null}</ConsolePage>;
}
