import { ConsolePage } from '../console-layout';

export function ApiKeysPage() {
  return <ConsolePage title="API keys">{null}</ConsolePage>;
}
