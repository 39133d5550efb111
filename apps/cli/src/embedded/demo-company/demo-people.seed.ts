import { type Client } from 'pg';

/** The people the README walks through; seeded first in every demo company, whatever its size. */
export const DEMO_PEOPLE = {
  /** A customer with orders, page views, support tickets, a newsletter subscription and an avatar. */
  ada: 'ada.lovelace@example.com',
  /** A plain customer. */
  alan: 'alan.turing@example.com',
  /** Two different customers with the same name and billing address: never mix them up. */
  grace: 'grace.hopper@example.com',
  graceNamesake: 'g.hopper@example.net',
  /** A child under 13 (known by email and by username): the child-data-removal scenario. */
  child: 'tim.child@example.com',
  /** On the newsletter list only, not a customer. */
  newsletterOnly: 'charles.babbage@example.com',
} as const;

export const DEMO_CHILD_USERNAME = 'timmy2015';

/** The demo people with a profile picture; the namesake Grace deliberately has none. */
export const DEMO_AVATAR_OWNERS = [DEMO_PEOPLE.ada, DEMO_PEOPLE.grace] as const;

const DAY_MS = 86_400_000;
const GRACE_ADDRESS = '1701 Harbor Lane, Arlington, VA 22202, United States';

interface DemoCustomer {
  email: string;
  username: string;
  name: string;
  phone: string | null;
  billingAddress: string | null;
  card: { last4: string; expiresInMonths: number } | null;
  language: string;
  marketingOptIn: boolean;
  birthDate: (now: Date) => string | null;
  passwordHash: string;
  createdDaysAgo: number;
  lastLoginDaysAgo: number;
  orders: Array<{ daysAgo: number; totalCents: number; shippingAddress?: string }>;
  pageViews: Array<{ daysAgo: number; page: string; browser: string; os: string; ip: string }>;
  tickets: Array<{ daysAgo: number; subject: string; body: string; ip: string }>;
  newsletterDaysAgo: number | null;
}

const MAC = { browser: 'Safari 18.1', os: 'macOS 15' };
const PHONE = { browser: 'Safari 18.1', os: 'iOS 18.1' };
const WINDOWS = { browser: 'Firefox 133', os: 'Windows 11' };
const TABLET = { browser: 'Chrome 131', os: 'Android 15' };

const CUSTOMERS: DemoCustomer[] = [
  {
    email: DEMO_PEOPLE.ada,
    username: 'ada_lovelace',
    name: 'Ada Lovelace',
    phone: '+447700900815',
    billingAddress: "12 St James's Square, London SW1Y 4JH, United Kingdom",
    card: { last4: '1815', expiresInMonths: 20 },
    language: 'en-GB',
    marketingOptIn: true,
    birthDate: () => '1985-12-10',
    passwordHash: '$2b$12$Q5u8c2lN0dYk3rV7mB1xWeOa9Zt4HgJpLs6nCwEiFyRqTuKvXoD2m',
    createdDaysAgo: 1100,
    lastLoginDaysAgo: 2,
    orders: [
      { daysAgo: 400, totalCents: 4999 },
      {
        daysAgo: 120,
        totalCents: 12950,
        shippingAddress: '4 Analytical Row, Cambridge CB2 1TN, United Kingdom',
      },
      { daysAgo: 10, totalCents: 2490 },
    ],
    // Both sides of the demo map's retention lines (IPs anonymized after 30 days, views deleted
    // after 120), IPv4 and IPv6.
    pageViews: [
      { daysAgo: 170, page: '/products/espresso-machine', ...MAC, ip: '100.64.18.15' },
      { daysAgo: 130, page: '/checkout', ...MAC, ip: '100.64.18.15' },
      { daysAgo: 95, page: '/blog/descaling-guide', ...PHONE, ip: '2001:db8:1815:12::a' },
      { daysAgo: 60, page: '/help/shipping', ...MAC, ip: '100.64.18.15' },
      { daysAgo: 30, page: '/products/coffee-grinder', ...PHONE, ip: '2001:db8:1815:12::a' },
      { daysAgo: 10, page: '/checkout', ...MAC, ip: '100.64.18.15' },
      { daysAgo: 1, page: '/account/orders', ...PHONE, ip: '2001:db8:1815:12::a' },
      { daysAgo: 0.1, page: '/privacy', ...MAC, ip: '100.64.18.15' },
    ],
    tickets: [
      {
        daysAgo: 8,
        subject: 'Where is my order?',
        body: 'Hello, my order from last week has not arrived yet. You can reach me on +447700900815. Thanks, Ada Lovelace',
        ip: '100.64.18.15',
      },
      {
        daysAgo: 118,
        subject: 'Change of billing address',
        body: 'Please send this order to 4 Analytical Row, Cambridge; my billing address stays the same. Ada',
        ip: '2001:db8:1815:12::a',
      },
    ],
    newsletterDaysAgo: 700,
  },
  {
    email: DEMO_PEOPLE.alan,
    username: 'aturing',
    name: 'Alan Turing',
    phone: '+447700900912',
    billingAddress: '2 Bletchley Park Lane, Milton Keynes MK3 6EB, United Kingdom',
    card: null,
    language: 'en-GB',
    marketingOptIn: false,
    birthDate: () => null,
    passwordHash: '$2b$12$h7Tq0LxWz3Rb9Ke2VnYs1OuPcAiMdJf6Gl8Ht4BoQr5SxEwNvZyCk',
    createdDaysAgo: 400,
    lastLoginDaysAgo: 30,
    orders: [{ daysAgo: 35, totalCents: 8900 }],
    pageViews: [
      { daysAgo: 36, page: '/products/pour-over-kettle', ...WINDOWS, ip: '100.64.19.12' },
      { daysAgo: 35, page: '/checkout', ...WINDOWS, ip: '100.64.19.12' },
    ],
    tickets: [],
    newsletterDaysAgo: null,
  },
  {
    email: DEMO_PEOPLE.grace,
    username: 'ghopper',
    name: 'Grace Hopper',
    phone: '+12025550143',
    billingAddress: GRACE_ADDRESS,
    card: { last4: '1906', expiresInMonths: 30 },
    language: 'en-US',
    marketingOptIn: true,
    birthDate: () => '1958-12-09',
    passwordHash: '$2b$12$Zr4Kd8NwQ1Lm6Yb0Xs3TeVhGoJc9PfAu2Ri7En5HqWkMyCtUvSlBa',
    createdDaysAgo: 900,
    lastLoginDaysAgo: 5,
    orders: [
      { daysAgo: 300, totalCents: 31900 },
      { daysAgo: 20, totalCents: 1590 },
    ],
    pageViews: [
      { daysAgo: 100, page: '/products/milk-frother', ...WINDOWS, ip: '100.64.20.2' },
      { daysAgo: 21, page: '/cart', ...WINDOWS, ip: '100.64.20.2' },
      { daysAgo: 5, page: '/account', ...WINDOWS, ip: '100.64.20.2' },
    ],
    tickets: [
      {
        daysAgo: 19,
        subject: 'Invoice needed',
        body: 'Could you send me an invoice for my last order? Thank you, Grace Hopper',
        ip: '100.64.20.2',
      },
    ],
    newsletterDaysAgo: 850,
  },
  {
    email: DEMO_PEOPLE.graceNamesake,
    username: 'gracie_h',
    name: 'Grace Hopper',
    phone: '+12025550178',
    billingAddress: GRACE_ADDRESS,
    card: { last4: '7734', expiresInMonths: 8 },
    language: 'en-US',
    marketingOptIn: false,
    birthDate: () => '1989-03-14',
    passwordHash: '$2b$12$Mb2Ws9Qe4Ty7Ui1Op0AsDfGhJk3Lz6Xc5Vb8NmQwErTyUiOpAsDfG',
    createdDaysAgo: 200,
    lastLoginDaysAgo: 12,
    orders: [{ daysAgo: 150, totalCents: 6400 }],
    pageViews: [
      { daysAgo: 150, page: '/products/travel-mug', ...TABLET, ip: '2001:db8:20:2::7' },
      { daysAgo: 12, page: '/help/returns', ...TABLET, ip: '2001:db8:20:2::7' },
    ],
    tickets: [],
    newsletterDaysAgo: null,
  },
  {
    email: DEMO_PEOPLE.child,
    username: DEMO_CHILD_USERNAME,
    name: 'Tim Child',
    phone: null,
    billingAddress: null,
    card: null,
    language: 'en-GB',
    marketingOptIn: false,
    // Ten years and three months old at `now`: under the policy's age limit of 13.
    birthDate: (now) => yearsAndMonthsBefore(now, 10, 3),
    passwordHash: '$2b$12$Tm5Yc1Hi9Ld2Re6Wq0Zx4VbNn8Ju3Ko7Ps2As6Df1Gh5Jk9Lz3Xc7',
    createdDaysAgo: 60,
    lastLoginDaysAgo: 1,
    orders: [],
    pageViews: [
      { daysAgo: 59, page: '/', ...TABLET, ip: '100.64.21.13' },
      { daysAgo: 20, page: '/products/travel-mug', ...TABLET, ip: '100.64.21.13' },
      { daysAgo: 1, page: '/newsletter', ...TABLET, ip: '100.64.21.13' },
    ],
    tickets: [],
    newsletterDaysAgo: null,
  },
];

/** Customer rows the demo people take; generated customers get ids after these. */
export const DEMO_CUSTOMER_COUNT = CUSTOMERS.length;

export interface DemoPeopleCounts {
  customers: number;
  orders: number;
  pageViews: number;
  tickets: number;
  subscriptions: number;
}

/** Inserts the known demo people with ids 1…DEMO_CUSTOMER_COUNT (on the caller's transaction). */
export async function insertDemoPeople(client: Client, now: Date): Promise<DemoPeopleCounts> {
  const counts: DemoPeopleCounts = { customers: 0, orders: 0, pageViews: 0, tickets: 0, subscriptions: 0 };
  for (const [index, person] of CUSTOMERS.entries()) {
    const id = index + 1;
    await client.query(
      `INSERT INTO public.customers (id, username, email, name, phone, billing_address, card_last4, card_expiry,
         language, marketing_opt_in, birth_date, password_hash, created_at, last_login_at)
       OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13, $14)`,
      [
        id,
        person.username,
        person.email,
        person.name,
        person.phone,
        person.billingAddress,
        person.card?.last4 ?? null,
        person.card ? cardExpiry(now, person.card.expiresInMonths) : null,
        person.language,
        person.marketingOptIn,
        person.birthDate(now),
        person.passwordHash,
        daysBefore(now, person.createdDaysAgo),
        daysBefore(now, person.lastLoginDaysAgo),
      ],
    );
    counts.customers += 1;
    for (const order of person.orders) {
      await client.query(
        `INSERT INTO public.orders (customer_id, shipping_address, total_cents, created_at) VALUES ($1, $2, $3, $4)`,
        [
          id,
          order.shippingAddress ?? person.billingAddress,
          order.totalCents,
          daysBefore(now, order.daysAgo),
        ],
      );
      counts.orders += 1;
    }
    for (const view of person.pageViews) {
      await client.query(
        `INSERT INTO public.page_views (customer_id, page, browser, os, ip, viewed_at) VALUES ($1, $2, $3, $4, $5::inet, $6)`,
        [id, view.page, view.browser, view.os, view.ip, daysBefore(now, view.daysAgo)],
      );
      counts.pageViews += 1;
    }
    for (const ticket of person.tickets) {
      await client.query(
        `INSERT INTO public.support_tickets (customer_id, subject, body, reporter_ip, created_at)
         VALUES ($1, $2, $3, $4::inet, $5)`,
        [id, ticket.subject, ticket.body, ticket.ip, daysBefore(now, ticket.daysAgo)],
      );
      counts.tickets += 1;
    }
    if (person.newsletterDaysAgo !== null) {
      counts.subscriptions += await insertSubscription(
        client,
        person.email,
        daysBefore(now, person.newsletterDaysAgo),
      );
    }
  }
  counts.subscriptions += await insertSubscription(client, DEMO_PEOPLE.newsletterOnly, daysBefore(now, 365));
  return counts;
}

async function insertSubscription(client: Client, email: string, subscribedAt: Date): Promise<number> {
  await client.query(
    `INSERT INTO public.newsletter_subscriptions (email, subscribed, subscribed_at) VALUES ($1, true, $2)`,
    [email, subscribedAt],
  );
  return 1;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - Math.round(days * DAY_MS));
}

/** `MM/YY`, as printed on the card. */
function cardExpiry(now: Date, monthsAhead: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCFullYear() % 100).padStart(2, '0')}`;
}

function yearsAndMonthsBefore(now: Date, years: number, months: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth() - months, 1));
  return date.toISOString().slice(0, 10);
}
