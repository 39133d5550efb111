import { ConsolePage } from '../console-layout';

export function OfficersPage() {
  return <ConsolePage title="Officers">{null}</ConsolePage>;
}
