import type { Locale } from '../../i18n/locale';

// The states, the District of Columbia and the territories by their USPS / ISO 3166-2 subdivision
// codes. The state decides the law: California has the CCPA, others a law of the Virginia model.
// Browsers cannot name subdivisions, so the names are here; German uses the English names except
// where German has its own.
const STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska',
  NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
  WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', AS: 'American Samoa', GU: 'Guam',
  MP: 'Northern Mariana Islands', PR: 'Puerto Rico', UM: 'U.S. Minor Outlying Islands', VI: 'U.S. Virgin Islands',
};

const GERMAN: Record<string, string> = {
  CA: 'Kalifornien', HI: 'Hawaii', PR: 'Puerto Rico', AS: 'Amerikanisch-Samoa', MP: 'Nördliche Marianen',
  UM: 'Amerikanische Überseeinseln', VI: 'Amerikanische Jungferninseln',
};

export interface StateOption {
  code: string;
  name: string;
}

export function stateOptions(locale: Locale): StateOption[] {
  const collator = new Intl.Collator(locale);
  return Object.entries(STATES)
    .map(([code, name]) => ({ code, name: (locale === 'de' ? GERMAN[code] : undefined) ?? name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
