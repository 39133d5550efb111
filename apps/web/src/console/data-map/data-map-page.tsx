import { ConsolePage } from '../console-layout';

export function DataMapPage() {
  return <ConsolePage title="Data map">{null}</ConsolePage>;
}
