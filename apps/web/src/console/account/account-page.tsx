import { ConsolePage } from '../console-layout';

export function AccountPage() {
  return <ConsolePage title="My account">{null}</ConsolePage>;
}
