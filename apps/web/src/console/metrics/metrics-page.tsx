import { ConsolePage } from '../console-layout';

export function MetricsPage() {
  return <ConsolePage title="Metrics">{null}</ConsolePage>;
}
