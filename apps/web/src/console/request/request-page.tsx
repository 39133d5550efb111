import { ConsolePage } from '../console-layout';

export function RequestPage({ id }: { id: string }) {
  return <ConsolePage title={`Request ${id}`}>{null}</ConsolePage>;
}
