import { type HolidayCalendar } from './holidays';

export const REGIMES = ['gdpr', 'uk_gdpr', 'ccpa', 'lgpd', 'us_state'] as const;

export type RegimeId = (typeof REGIMES)[number];

export type RegimePeriod = { readonly months: number } | { readonly days: number };

export interface BusinessDayRule {
  readonly businessDays: number;
  readonly calendar: HolidayCalendar;
  readonly legalBasis: string;
}

export interface RegimeRule {
  readonly id: RegimeId;
  readonly name: string;
  readonly responsePeriod: RegimePeriod;
  readonly extension: RegimePeriod | null;
  // The requester must be told about an extension, with reasons, before the first period ends.
  readonly extensionNoticeInFirstPeriod: boolean;
  readonly pausesWhileOnHold: boolean;
  readonly receiptConfirmation: BusinessDayRule | null;
  // Opt-out requests run on their own, shorter clock with no extension.
  readonly optOut: BusinessDayRule | null;
  readonly legalBasis: string;
}

export const REGIME_RULES: Readonly<Record<RegimeId, RegimeRule>> = {
  gdpr: {
    id: 'gdpr',
    name: 'GDPR (EU/EEA)',
    responsePeriod: { months: 1 },
    extension: { months: 2 },
    extensionNoticeInFirstPeriod: true,
    // EDPB Guidelines 01/2022 on the right of access: the period may be suspended while the controller
    // waits for information it needs to identify the data subject.
    pausesWhileOnHold: true,
    receiptConfirmation: null,
    optOut: null,
    legalBasis: 'GDPR Art. 12(3)',
  },
  uk_gdpr: {
    id: 'uk_gdpr',
    name: 'UK GDPR',
    responsePeriod: { months: 1 },
    extension: { months: 2 },
    extensionNoticeInFirstPeriod: true,
    // ICO guidance: the controller may "stop the clock" while awaiting clarification or identification.
    pausesWhileOnHold: true,
    receiptConfirmation: null,
    optOut: null,
    legalBasis: 'UK GDPR Art. 12(3)',
  },
  ccpa: {
    id: 'ccpa',
    name: 'CCPA/CPRA (California)',
    responsePeriod: { days: 45 },
    extension: { days: 45 },
    extensionNoticeInFirstPeriod: true,
    // 11 CCR §7021(b): the 45 days run from receipt "regardless of time required to verify the request".
    pausesWhileOnHold: false,
    receiptConfirmation: { businessDays: 10, calendar: 'us_california', legalBasis: '11 CCR §7021(a)' },
    optOut: { businessDays: 15, calendar: 'us_california', legalBasis: '11 CCR §7026(f)' },
    legalBasis: 'Cal. Civ. Code §1798.130(a)(2)',
  },
  lgpd: {
    id: 'lgpd',
    name: 'LGPD (Brazil)',
    responsePeriod: { days: 15 },
    extension: null,
    extensionNoticeInFirstPeriod: false,
    pausesWhileOnHold: false,
    receiptConfirmation: null,
    optOut: null,
    legalBasis: 'LGPD Art. 19',
  },
  us_state: {
    id: 'us_state',
    name: 'US state privacy law (Virginia model)',
    responsePeriod: { days: 45 },
    extension: { days: 45 },
    extensionNoticeInFirstPeriod: true,
    pausesWhileOnHold: false,
    receiptConfirmation: null,
    optOut: null,
    legalBasis: 'Va. Code §59.1-577(B)',
  },
};

export function isRegimeId(value: unknown): value is RegimeId {
  return typeof value === 'string' && (REGIMES as readonly string[]).includes(value);
}

// GDPR applies in the 27 EU member states and, through the EEA Agreement, in Iceland, Liechtenstein
// and Norway. 'EL' is the EU's own code for Greece.
const GDPR_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

// States whose Virginia-style comprehensive privacy law is in force (45 days + 45, notice of extension
// within the first period). California has its own regime.
const US_STATE_LAW_STATES: ReadonlySet<string> = new Set(
  'VA CO CT UT TX OR MT IA DE NH NJ TN MN MD IN KY RI NE'.split(' '),
);

function subdivisionOf(country: string, region: string | undefined): string | undefined {
  if (region === undefined) {
    return undefined;
  }
  const code = region.trim().toUpperCase();
  const dash = code.indexOf('-');
  if (dash === -1) {
    return code;
  }
  // 'MX-CA' is not California: a prefix that names another country makes the region unusable.
  return code.slice(0, dash) === country ? code.slice(dash + 1) : undefined;
}

/**
 * ISO 3166's user-assigned code for an unknown country, for a request whose sender does not say
 * where the person lives (a browser's signal, an agent's voluntary request): it gets the fallback
 * regime.
 */
export const UNKNOWN_COUNTRY = 'ZZ';

export function regimeFor(country: string, region: string | undefined, fallback: RegimeId): RegimeId {
  const code = country.trim().toUpperCase();
  if (GDPR_COUNTRIES.has(code)) {
    return 'gdpr';
  }
  if (code === 'GB' || code === 'UK') {
    return 'uk_gdpr';
  }
  if (code === 'BR') {
    return 'lgpd';
  }
  if (code === 'US') {
    const state = subdivisionOf(code, region);
    if (state === 'CA') {
      return 'ccpa';
    }
    if (state !== undefined && US_STATE_LAW_STATES.has(state)) {
      return 'us_state';
    }
  }
  return fallback;
}
