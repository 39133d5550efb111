import { OPT_OUT_CHANNELS, type OptOutChannel } from '@rightsdesk/domain';
import { useMessages } from '../../i18n/locale';
import { Choice, FieldGroup } from '../../components/field-group';
import type { IntakeSectionProps } from './intake-form-state';
import { requestFormMessages } from './request-form.messages';

export function OptOutFields({ form, update, errorFor }: IntakeSectionProps) {
  const m = useMessages(requestFormMessages);
  const toggle = (channel: OptOutChannel, on: boolean) =>
    // Kept in the schema's order whatever order they are ticked in.
    update({ channels: OPT_OUT_CHANNELS.filter((c) => (c === channel ? on : form.channels.includes(c))) });
  return (
    <FieldGroup id="channels" legend={m.channelsLegend} hint={m.channelsHint} error={errorFor('details.channels')} required>
      {OPT_OUT_CHANNELS.map((channel) => (
        <Choice
          key={channel}
          id={`channel-${channel}`}
          type="checkbox"
          name="channels"
          value={channel}
          label={m.channel[channel]}
          checked={form.channels.includes(channel)}
          onChange={(event) => toggle(channel, event.target.checked)}
        />
      ))}
    </FieldGroup>
  );
}
