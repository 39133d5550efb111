import { ConsolePage } from '../console-layout';

export function SettingsPage() {
  return <ConsolePage title="Settings">{null}</ConsolePage>;
}
