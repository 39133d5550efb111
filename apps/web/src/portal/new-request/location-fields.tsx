import type { RequestType } from '@rightsdesk/domain';
import { Field, Select } from '../../components/form';
import { useLocale, useMessages } from '../../i18n/locale';
import { countryOptions } from './countries';
import type { IntakeSectionProps } from './intake-form-state';
import { RegimeNotice } from './regime-notice';
import { requestFormMessages } from './request-form.messages';
import { stateOptions } from './us-states';

// Country, and for the United States the state: together they decide the law and the deadline.
export function LocationFields({ type, form, update, errorFor }: IntakeSectionProps & { type: RequestType }) {
  const { locale } = useLocale();
  const m = useMessages(requestFormMessages);
  return (
    <>
      <Field id="country" label={m.country} hint={m.countryHint} error={errorFor('country')} required>
        {(describedBy, invalid) => (
          <Select
            id="country"
            name="country"
            autoComplete="country"
            value={form.country}
            onChange={(event) => update({ country: event.target.value, region: '' })}
            aria-describedby={describedBy}
            invalid={invalid}
          >
            <option value="">{m.selectCountry}</option>
            {countryOptions(locale).map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {form.country === 'US' ? (
        <Field id="region" label={m.state} hint={m.stateHint} error={errorFor('region')}>
          {(describedBy, invalid) => (
            <Select id="region" name="region" value={form.region} onChange={(event) => update({ region: event.target.value })} aria-describedby={describedBy} invalid={invalid}>
              <option value="">{m.selectState}</option>
              {stateOptions(locale).map((state) => (
                <option key={state.code} value={state.code}>
                  {state.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <RegimeNotice type={type} country={form.country} region={form.region} />
    </>
  );
}
