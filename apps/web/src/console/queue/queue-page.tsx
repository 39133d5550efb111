import { ConsolePage } from '../console-layout';

export function QueuePage() {
  return <ConsolePage title="Requests">{null}</ConsolePage>;
}
