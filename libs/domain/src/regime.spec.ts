import { isRegimeId, REGIME_RULES, regimeFor, REGIMES } from './regime';

const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];
const EEA_ONLY = ['IS', 'LI', 'NO'];
const VIRGINIA_MODEL_STATES = [
  'VA',
  'CO',
  'CT',
  'UT',
  'TX',
  'OR',
  'MT',
  'IA',
  'DE',
  'NH',
  'NJ',
  'TN',
  'MN',
  'MD',
  'IN',
  'KY',
  'RI',
  'NE',
];

describe('regimeFor', () => {
  it('knows all 27 EU member states', () => {
    expect(new Set(EU).size).toBe(27);
  });

  it.each([...EU, ...EEA_ONLY])('maps %s to GDPR', (country) => {
    expect(regimeFor(country, undefined, 'ccpa')).toBe('gdpr');
    expect(regimeFor(country.toLowerCase(), undefined, 'ccpa')).toBe('gdpr');
  });

  it.each(['GB', 'gb', 'UK', 'uk'])('maps %s to UK GDPR', (country) => {
    expect(regimeFor(country, undefined, 'gdpr')).toBe('uk_gdpr');
  });

  it('maps Brazil to LGPD', () => {
    expect(regimeFor('BR', 'SP', 'gdpr')).toBe('lgpd');
  });

  it.each([['CA'], ['ca'], ['US-CA'], ['us-ca'], [' US-CA ']])('maps US with region %p to CCPA', (region) => {
    expect(regimeFor('US', region, 'gdpr')).toBe('ccpa');
  });

  it.each(VIRGINIA_MODEL_STATES)('maps US-%s to the Virginia-model state regime', (state) => {
    expect(regimeFor('US', state, 'gdpr')).toBe('us_state');
    expect(regimeFor('us', `US-${state}`, 'gdpr')).toBe('us_state');
  });

  it.each([['NY'], ['WA'], ['FL'], ['PR'], [undefined], ['']])('falls back for US region %p', (region) => {
    expect(regimeFor('US', region, 'gdpr')).toBe('gdpr');
    expect(regimeFor('US', region, 'us_state')).toBe('us_state');
  });

  it('ignores a subdivision prefixed with another country', () => {
    expect(regimeFor('US', 'MX-CA', 'gdpr')).toBe('gdpr');
  });

  it.each(['CH', 'CA', 'JP', 'AU', 'IN', 'XX', ''])('falls back for %p', (country) => {
    expect(regimeFor(country, undefined, 'us_state')).toBe('us_state');
  });

  it('does not read a Canadian province as a US state', () => {
    expect(regimeFor('CA', 'ON', 'gdpr')).toBe('gdpr');
  });
});

describe('REGIME_RULES', () => {
  it('describes every regime', () => {
    expect(Object.keys(REGIME_RULES).sort()).toEqual([...REGIMES].sort());
    for (const id of REGIMES) {
      expect(REGIME_RULES[id].id).toBe(id);
      expect(isRegimeId(id)).toBe(true);
    }
    expect(isRegimeId('pipeda')).toBe(false);
  });

  it('gives GDPR one month plus two, with a pause while waiting for the data subject', () => {
    expect(REGIME_RULES.gdpr).toMatchObject({
      responsePeriod: { months: 1 },
      extension: { months: 2 },
      extensionNoticeInFirstPeriod: true,
      pausesWhileOnHold: true,
      receiptConfirmation: null,
      optOut: null,
      legalBasis: 'GDPR Art. 12(3)',
    });
    expect(REGIME_RULES.uk_gdpr).toMatchObject({
      responsePeriod: { months: 1 },
      extension: { months: 2 },
      pausesWhileOnHold: true,
      legalBasis: 'UK GDPR Art. 12(3)',
    });
  });

  it('gives CCPA 45 + 45 days, no pause, a receipt confirmation and a 15-business-day opt-out', () => {
    expect(REGIME_RULES.ccpa).toMatchObject({
      responsePeriod: { days: 45 },
      extension: { days: 45 },
      extensionNoticeInFirstPeriod: true,
      pausesWhileOnHold: false,
      receiptConfirmation: { businessDays: 10, calendar: 'us_california' },
      optOut: { businessDays: 15, calendar: 'us_california' },
      legalBasis: 'Cal. Civ. Code §1798.130(a)(2)',
    });
  });

  it('gives LGPD 15 days and no extension, and the Virginia model 45 + 45', () => {
    expect(REGIME_RULES.lgpd).toMatchObject({
      responsePeriod: { days: 15 },
      extension: null,
      extensionNoticeInFirstPeriod: false,
      pausesWhileOnHold: false,
      legalBasis: 'LGPD Art. 19',
    });
    expect(REGIME_RULES.us_state).toMatchObject({
      responsePeriod: { days: 45 },
      extension: { days: 45 },
      extensionNoticeInFirstPeriod: true,
      pausesWhileOnHold: false,
      legalBasis: 'Va. Code §59.1-577(B)',
    });
  });
});
