import { NamedSqlParams } from './named-sql-params';
import {
  DEVICES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCALES,
  OTHER_LANGUAGES,
  PAGES,
  TICKETS,
  asciiSlug,
} from './demo-company.vocabulary';

// INSERT … SELECT statements that generate one chunk of rows each, from row numbers $from…$to.
// Every "random" choice is PostgreSQL's built-in hashint8extended of the row number (or of the
// customer number) with a salt of its own, never random(): the same arguments give the same rows
// on every run, however the load is split into chunks.
//
// Generated customer n (1…people) gets id idOffset + n. Orders, page views and tickets pick their
// customer by hashing their own row number, so the counts per customer vary like in a real shop.

/** A non-negative pseudo-random bigint from `key` (a bigint SQL expression) and a salt. */
function hash(key: string, salt: number): string {
  return `(hashint8extended(${key}, ${salt}) & 9223372036854775807)`;
}

const SECONDS_PER_DAY = 86_400;
const CUSTOMER_AGE_SECONDS = 5 * 365 * SECONDS_PER_DAY;
const PAGE_VIEW_WINDOW_SECONDS = 180 * SECONDS_PER_DAY;
const NEWSLETTER_ONLY_WINDOW_SECONDS = 2 * 365 * SECONDS_PER_DAY;
/** Customer n with n % TWIN_EVERY = 0 is a different person with the name and address of n - 1. */
export const TWIN_EVERY = 1000;
/** Customer n with n % CHILD_EVERY = CHILD_AT is a child under 13. */
export const CHILD_EVERY = 50_000;
export const CHILD_AT = 777;

export interface ChunkArgs {
  from: number;
  to: number;
  now: Date;
  people: number;
  idOffset: number;
}

export interface ChunkStatement {
  sql: string;
  values(args: ChunkArgs): unknown[];
}

const VOCABULARY: Readonly<Record<string, unknown>> = {
  firstNames: FIRST_NAMES,
  firstSlugs: FIRST_NAMES.map(asciiSlug),
  lastNames: LAST_NAMES,
  lastSlugs: LAST_NAMES.map(asciiSlug),
  domains: EMAIL_DOMAINS,
  cities: LOCALES.map((locale) => locale.city),
  addressTemplates: LOCALES.map((locale) => locale.addressTemplate),
  postcodes: LOCALES.map((locale) => locale.postcodes),
  streets: LOCALES.map((locale) => locale.streets),
  languages: LOCALES.map((locale) => locale.language),
  phonePrefixes: LOCALES.map((locale) => locale.phonePrefix),
  phoneDigits: LOCALES.map((locale) => locale.phoneDigits),
  otherLanguages: OTHER_LANGUAGES,
  browsers: DEVICES.map((device) => device.browser),
  oses: DEVICES.map((device) => device.os),
  pages: PAGES,
  ticketSubjects: TICKETS.map((ticket) => ticket.subject),
  ticketBodies: TICKETS.map((ticket) => ticket.body),
};

// The word lists travel as array parameters and are read through one CTE row, `v`.
function vocabularyCte(p: NamedSqlParams): string {
  return `v AS (SELECT
    ${p.ref('firstNames', 'text[]')} AS first_names, ${p.ref('firstSlugs', 'text[]')} AS first_slugs,
    ${p.ref('lastNames', 'text[]')} AS last_names, ${p.ref('lastSlugs', 'text[]')} AS last_slugs,
    ${p.ref('domains', 'text[]')} AS domains, ${p.ref('cities', 'text[]')} AS cities,
    ${p.ref('addressTemplates', 'text[]')} AS address_templates, ${p.ref('postcodes', 'text[]')} AS postcodes,
    ${p.ref('streets', 'text[]')} AS streets, ${p.ref('languages', 'text[]')} AS languages,
    ${p.ref('phonePrefixes', 'text[]')} AS phone_prefixes, ${p.ref('phoneDigits', 'int[]')} AS phone_digits,
    ${p.ref('otherLanguages', 'text[]')} AS other_languages, ${p.ref('browsers', 'text[]')} AS browsers,
    ${p.ref('oses', 'text[]')} AS oses, ${p.ref('pages', 'text[]')} AS pages,
    ${p.ref('ticketSubjects', 'text[]')} AS ticket_subjects, ${p.ref('ticketBodies', 'text[]')} AS ticket_bodies)`;
}

/** An address in one of the locales, all parts chosen by hashing `key`. */
function addressSql(key: string, salt: number): string {
  const locale = `(1 + ${hash(key, salt)} % cardinality(v.cities))`;
  return `format(v.address_templates[${locale}], 1 + ${hash(key, salt + 1)} % 180,
    v.streets[${locale}][1 + ${hash(key, salt + 2)} % array_length(v.streets, 2)],
    v.postcodes[${locale}][1 + ${hash(key, salt + 3)} % array_length(v.postcodes, 2)], v.cities[${locale}])`;
}

/** Three in four IPv4 from the shared address space 100.64.0.0/10, the rest IPv6 in 2001:db8::/32. */
function ipSql(key: string): string {
  return `CASE WHEN ${key} % 4 = 0
    THEN ('2001:db8:' || to_hex((${key} >> 8) & 65535) || ':' || to_hex((${key} >> 24) & 65535) || '::'
      || to_hex((${key} >> 40) & 65535))::inet
    ELSE '100.64.0.0'::inet + ((${key} >> 2) % 4194304) END`;
}

/** Seconds between `createdAt` and now, at least 1 (a modulus). */
function secondsSince(createdAt: string, now: string): string {
  return `greatest(1, extract(epoch FROM ${now} - ${createdAt})::bigint)`;
}

function statement(build: (p: NamedSqlParams) => string): ChunkStatement {
  const params = new NamedSqlParams();
  const sql = build(params);
  return {
    sql,
    values: (args) =>
      params.values({
        ...VOCABULARY,
        from: args.from,
        to: args.to,
        now: args.now,
        people: args.people,
        idOffset: args.idOffset,
        firstId: args.idOffset + args.from,
        lastId: args.idOffset + args.to,
      }),
  };
}

// Traits of generated customer number `n` (a bigint SQL expression). The other tables derive a
// customer's name, address and sign-up time from the same expressions instead of reading them back.
function twin(n: string): string {
  return `(CASE WHEN ${n} % ${TWIN_EVERY} = 0 AND ${n} > 1 THEN ${n} - 1 ELSE ${n} END)`;
}

function firstIndex(n: string): string {
  return `(1 + ${hash(twin(n), 11)} % cardinality(v.first_names))`;
}

function lastIndex(n: string): string {
  return `(1 + ${hash(twin(n), 12)} % cardinality(v.last_names))`;
}

function customerLocale(n: string): string {
  return `(1 + ${hash(twin(n), 13)} % cardinality(v.cities))::int`;
}

function customerFirstName(n: string): string {
  return `v.first_names[${firstIndex(n)}]`;
}

function customerName(n: string): string {
  return `(${customerFirstName(n)} || ' ' || v.last_names[${lastIndex(n)}])`;
}

function customerBillingAddress(n: string): string {
  const locale = customerLocale(n);
  return `format(v.address_templates[${locale}], 1 + ${hash(twin(n), 18)} % 180,
    v.streets[${locale}][1 + ${hash(twin(n), 19)} % array_length(v.streets, 2)],
    v.postcodes[${locale}][1 + ${hash(twin(n), 20)} % array_length(v.postcodes, 2)], v.cities[${locale}])`;
}

/** How long ago customer `n` signed up, in seconds (at least 1). */
function customerAgeSeconds(n: string): string {
  return `(1 + ${hash(n, 28)} % ${CUSTOMER_AGE_SECONDS})`;
}

export const INSERT_CUSTOMERS = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  const today = `(${now} AT TIME ZONE 'UTC')::date`;
  const n = 'g.n';
  const firstSlug = `v.first_slugs[${firstIndex(n)}]`;
  const lastSlug = `v.last_slugs[${lastIndex(n)}]`;
  const locale = customerLocale(n);
  const hasCard = `${hash(n, 21)} % 10 < 7`;
  return `WITH ${vocabularyCte(p)}
INSERT INTO public.customers (id, username, email, name, phone, billing_address, card_last4, card_expiry,
  language, marketing_opt_in, birth_date, password_hash, created_at, last_login_at)
OVERRIDING SYSTEM VALUE
SELECT
  ${p.ref('idOffset', 'bigint')} + ${n},
  CASE ${hash(n, 15)} % 3
    WHEN 0 THEN ${firstSlug} || ${n}
    WHEN 1 THEN ${firstSlug} || '_' || ${lastSlug} || ${n}
    ELSE ${firstSlug} || '.' || left(${lastSlug}, 1) || ${n}
  END,
  ${firstSlug} || '.' || ${lastSlug} || ${n} || '@' || v.domains[1 + ${hash(n, 14)} % cardinality(v.domains)],
  ${customerName(n)},
  CASE WHEN ${hash(n, 16)} % 5 <> 0 THEN v.phone_prefixes[${locale}]
    || lpad((${hash(n, 17)} % (10 ^ v.phone_digits[${locale}])::bigint)::text, v.phone_digits[${locale}], '0') END,
  ${customerBillingAddress(n)},
  CASE WHEN ${hasCard} THEN lpad((${hash(n, 22)} % 10000)::text, 4, '0') END,
  CASE WHEN ${hasCard}
    THEN to_char(date_trunc('month', ${today}) + (${hash(n, 23)} % 60 - 12) * interval '1 month', 'MM/YY') END,
  CASE WHEN ${hash(n, 24)} % 10 = 0
    THEN v.other_languages[1 + ${hash(n, 30)} % cardinality(v.other_languages)]
    ELSE v.languages[${locale}] END,
  ${hash(n, 25)} % 3 = 0,
  CASE
    WHEN ${n} % ${CHILD_EVERY} = ${CHILD_AT} THEN ${today} - (9 * 365 + ${hash(n, 27)} % (3 * 365))::int
    WHEN ${hash(n, 26)} % 10 < 6 THEN ${today} - (18 * 366 + ${hash(n, 27)} % (60 * 365))::int
  END,
  '$2b$12$' || left(md5('salt' || ${n}), 22) || left(md5('hash' || ${n}), 31),
  ${now} - ${customerAgeSeconds(n)} * interval '1 second',
  ${now} - (${hash(n, 29)} % ${customerAgeSeconds(n)}) * interval '1 second'
FROM generate_series(${p.ref('from', 'bigint')}, ${p.ref('to', 'bigint')}) AS g(n)
CROSS JOIN v`;
});

/** Generated customer number 1…people, picked by hashing `key`. */
function pickCustomer(p: NamedSqlParams, key: string, salt: number): string {
  return `1 + ${hash(key, salt)} % ${p.ref('people', 'bigint')}`;
}

export const INSERT_ORDERS = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  return `WITH ${vocabularyCte(p)}
INSERT INTO public.orders (customer_id, shipping_address, total_cents, created_at)
SELECT
  ${p.ref('idOffset', 'bigint')} + c.n,
  CASE WHEN ${hash('g.n', 34)} % 5 = 0 THEN ${addressSql('g.n', 35)} ELSE ${customerBillingAddress('c.n')} END,
  (499 + ${hash('g.n', 33)} % 30000)::int,
  ${now} - (${hash('g.n', 32)} % ${customerAgeSeconds('c.n')}) * interval '1 second'
FROM generate_series(${p.ref('from', 'bigint')}, ${p.ref('to', 'bigint')}) AS g(n)
CROSS JOIN v
CROSS JOIN LATERAL (SELECT ${pickCustomer(p, 'g.n', 31)} AS n) c`;
});

// One page view in eight is an anonymous visitor's. A customer mostly uses the same device and
// home IP; the rest of the time another one.
export const INSERT_PAGE_VIEWS = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  return `WITH ${vocabularyCte(p)}
INSERT INTO public.page_views (customer_id, page, browser, os, ip, viewed_at)
SELECT
  ${p.ref('idOffset', 'bigint')} + c.n,
  v.pages[1 + ${hash('g.n', 43)} % cardinality(v.pages)],
  v.browsers[d.device],
  v.oses[d.device],
  ${ipSql('d.ip_key')},
  ${now} - (${hash('g.n', 50)} % CASE WHEN c.n IS NULL THEN ${PAGE_VIEW_WINDOW_SECONDS}
    ELSE least(${PAGE_VIEW_WINDOW_SECONDS}, ${customerAgeSeconds('c.n')}) END) * interval '1 second'
FROM generate_series(${p.ref('from', 'bigint')}, ${p.ref('to', 'bigint')}) AS g(n)
CROSS JOIN v
CROSS JOIN LATERAL (SELECT CASE WHEN ${hash('g.n', 41)} % 8 <> 0 THEN ${pickCustomer(p, 'g.n', 42)} END AS n) c
CROSS JOIN LATERAL (SELECT
  (1 + CASE WHEN c.n IS NULL OR ${hash('g.n', 46)} % 4 = 0 THEN ${hash('g.n', 47)} ELSE ${hash('c.n', 48)} END
    % cardinality(v.browsers))::int AS device,
  CASE WHEN c.n IS NULL OR ${hash('g.n', 51)} % 10 < 3 THEN ${hash('g.n', 52)} ELSE ${hash('c.n', 49)} END AS ip_key) d`;
});

export const INSERT_TICKETS = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  return `WITH ${vocabularyCte(p)}
INSERT INTO public.support_tickets (customer_id, subject, body, reporter_ip, created_at)
SELECT
  ${p.ref('idOffset', 'bigint')} + c.n,
  v.ticket_subjects[k.ticket],
  format(v.ticket_bodies[k.ticket], ${customerFirstName('c.n')}, ${customerName('c.n')}),
  ${ipSql('k.ip_key')},
  ${now} - (${hash('g.n', 63)} % ${customerAgeSeconds('c.n')}) * interval '1 second'
FROM generate_series(${p.ref('from', 'bigint')}, ${p.ref('to', 'bigint')}) AS g(n)
CROSS JOIN v
CROSS JOIN LATERAL (SELECT ${pickCustomer(p, 'g.n', 61)} AS n) c
CROSS JOIN LATERAL (SELECT
  (1 + ${hash('g.n', 62)} % cardinality(v.ticket_subjects))::int AS ticket,
  CASE WHEN ${hash('g.n', 64)} % 10 < 8 THEN ${hash('c.n', 49)} ELSE ${hash('g.n', 65)} END AS ip_key) k`;
});

// About one customer in four subscribes (one in ten of them has unsubscribed since).
export const INSERT_CUSTOMER_SUBSCRIPTIONS = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  return `INSERT INTO public.newsletter_subscriptions (email, subscribed, subscribed_at)
SELECT
  c.email,
  ${hash('c.id', 72)} % 10 <> 0,
  c.created_at + (${hash('c.id', 73)} % ${secondsSince('c.created_at', now)}) * interval '1 second'
FROM public.customers c
WHERE c.id BETWEEN ${p.ref('firstId', 'bigint')} AND ${p.ref('lastId', 'bigint')} AND ${hash('c.id', 71)} % 4 = 0
ORDER BY c.id`;
});

// Readers who never bought anything. Their addresses have no dot before the @, customers' do:
// the two sets never overlap.
export const INSERT_NEWSLETTER_ONLY = statement((p) => {
  const now = p.ref('now', 'timestamptz');
  return `WITH ${vocabularyCte(p)}
INSERT INTO public.newsletter_subscriptions (email, subscribed, subscribed_at)
SELECT
  v.first_slugs[1 + ${hash('g.n', 81)} % cardinality(v.first_slugs)] || g.n || '@'
    || v.domains[1 + ${hash('g.n', 82)} % cardinality(v.domains)],
  ${hash('g.n', 83)} % 10 <> 0,
  ${now} - (${hash('g.n', 84)} % ${NEWSLETTER_ONLY_WINDOW_SECONDS}) * interval '1 second'
FROM generate_series(${p.ref('from', 'bigint')}, ${p.ref('to', 'bigint')}) AS g(n)
CROSS JOIN v`;
});
