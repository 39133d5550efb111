import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { DataCategory } from '@rightsdesk/domain';
import { emptyIdentities, type ActionContext, type Subject } from '../../src/connector';
import type { ErasureAction, FieldSpec, PostgresCollection, PostgresSystem, SubjectLink } from '../../src/datamap/datamap.types';
import { quoteIdent } from '../../src/postgres/quote-ident';
import type { StoreSnapshot } from '../connector-contract';

// A shop database like the demo's (apps/cli/demo/datamap.yaml) in a schema of its own, with the
// data map written out the way parseDataMap would normalize it (every default applied).

export interface ShopPerson {
  email: string;
  username: string;
  phone: string;
  memberNo: string;
  ipv4: string;
  ipv6: string;
  giftMessage: string;
  ticketBody: string;
  passwordHash: string;
  subject: Subject;
}

export const SHOP_TABLES = [
  'customers',
  'orders',
  'order_items',
  'page_views',
  'support_tickets',
  'newsletter_subscriptions',
  'loyalty_accounts',
] as const;
export type ShopTable = (typeof SHOP_TABLES)[number];

// Children before parents: order_items → orders → customers.
export const SHOP_ERASE_ORDER: ShopTable[] = [
  'order_items',
  'orders',
  'page_views',
  'support_tickets',
  'customers',
  'newsletter_subscriptions',
  'loyalty_accounts',
];

// A and B share name and address (names are never an identity); C's values are what a LIKE
// pattern or a truncated comparison built from A's would find.
const SHARED = { name: 'Alex Meyer', address: '1 Main Street, Springfield' };
const PEOPLE = {
  a: person('alex.a@example.com', 'alex_a', '+49 30 1111111', '70001', '203.0.113.57', '2001:db8:abcd:12::1', 'a'),
  b: person('alex.b@example.com', 'alex_b', '+49 30 2222222', '70002', '198.51.100.77', '2001:db8:beef:34::2', 'b'),
  c: person('alex.a@example.com.au', 'alex_ab', '+49 30 3333333', '700011', '192.0.2.10', '2001:db8:cafe:56::3', 'c'),
};

function person(email: string, username: string, phone: string, memberNo: string, ipv4: string, ipv6: string, tag: string): ShopPerson {
  const identities = emptyIdentities();
  identities.email = [email];
  identities.username = [username];
  identities.user_id = [memberNo];
  return {
    email,
    username,
    phone,
    memberNo,
    ipv4,
    ipv6,
    giftMessage: `Happy birthday! (gift note ${tag}-7f3e)`,
    ticketBody: `My parcel is late (ticket ${tag}-91c2)`,
    passwordHash: `$argon2id$v=19$secret-${tag}-5d0a`,
    subject: { identities, keys: {} },
  };
}

function field(name: string, category: DataCategory, erasure: ErasureAction, options: Partial<FieldSpec> = {}): FieldSpec {
  return { name, category, erasure, rectifiable: false, secret: false, ...options };
}

const DELETE: ErasureAction = { action: 'delete_row' };
const KEEP: ErasureAction = { action: 'keep', reason: 'Tax law requires keeping invoices for 10 years' };

function collection(
  schema: string,
  name: ShopTable,
  subject: SubjectLink,
  fields: FieldSpec[],
  optOut?: PostgresCollection['optOut'],
): PostgresCollection {
  return { kind: 'postgres', name, schema, table: name, primaryKey: 'id', subject, fields, retention: [], ...(optOut ? { optOut } : {}) };
}

function reference(field: string, to: ShopTable, index: string): SubjectLink {
  return { by: 'reference', field, to: { collection: to, field: 'id' }, index };
}

export function shopSystem(schema: string, url = 'postgres://unused'): PostgresSystem {
  const rectifiable = { rectifiable: true };
  return {
    kind: 'postgres',
    key: 'shop',
    title: 'Shop database',
    purposes: ['Providing and improving the service'],
    recipients: [],
    concurrency: 1,
    connection: { url: { value: url } },
    eraseOrder: [...SHOP_ERASE_ORDER],
    collections: [
      collection(
        schema,
        'customers',
        {
          by: 'identity',
          fields: [
            { field: 'email', identity: 'email', index: 'customers_email_idx' },
            { field: 'username', identity: 'username', index: 'customers_username_idx' },
          ],
        },
        [
          field('id', 'account.id', DELETE),
          field('username', 'account.username', DELETE, rectifiable),
          field('email', 'contact.email', DELETE, rectifiable),
          field('name', 'name', DELETE, rectifiable),
          field('phone', 'contact.phone', DELETE, rectifiable),
          field('billing_address', 'billing.address', DELETE, rectifiable),
          field('card_last4', 'payment.card_last4', DELETE),
          field('language', 'preferences.language', DELETE, rectifiable),
          field('marketing_opt_in', 'marketing.consent', DELETE),
          field('birth_date', 'demographic.birth_date', DELETE, rectifiable),
          field('password_hash', 'account.credentials', DELETE, { secret: true }),
          field('created_at', 'activity.timestamp', DELETE),
        ],
        { marketing_opt_in: false },
      ),
      collection(schema, 'orders', reference('customer_id', 'customers', 'orders_customer_id_idx'), [
        field('customer_id', 'account.id', { action: 'set_null' }),
        field('shipping_address', 'contact.address', { action: 'replace', value: '[erased]' }),
        field('checkout_ip', 'device.ip', { action: 'anonymize_ip' }),
        field('total_cents', 'activity.purchase', KEEP),
        field('created_at', 'activity.timestamp', KEEP),
      ]),
      collection(schema, 'order_items', reference('order_id', 'orders', 'order_items_order_id_idx'), [
        field('order_id', 'activity.purchase', KEEP),
        field('product', 'activity.purchase', KEEP),
        field('gift_message', 'content.message', { action: 'replace', value: '[erased]' }),
      ]),
      collection(schema, 'page_views', reference('customer_id', 'customers', 'page_views_customer_id_idx'), [
        field('customer_id', 'account.id', DELETE),
        field('page', 'activity.page_view', DELETE),
        field('browser', 'device.browser', DELETE),
        field('ip', 'device.ip', DELETE),
        field('viewed_at', 'activity.timestamp', DELETE),
      ]),
      collection(schema, 'support_tickets', reference('customer_id', 'customers', 'support_tickets_customer_id_idx'), [
        field('customer_id', 'account.id', { action: 'set_null' }),
        field('subject', 'content.message', { action: 'replace', value: '[erased]' }),
        field('body', 'content.message', { action: 'replace', value: "[erased at the customer's request]" }),
        field('reporter_ip', 'device.ip', { action: 'anonymize_ip' }),
        field('created_at', 'activity.timestamp', { action: 'keep', reason: 'Ticket statistics' }),
      ]),
      collection(
        schema,
        'newsletter_subscriptions',
        { by: 'identity', fields: [{ field: 'email', identity: 'email', index: 'newsletter_subscriptions_email_idx' }] },
        [
          field('email', 'contact.email', { action: 'hash' }, rectifiable),
          field('subscribed', 'marketing.subscription', { action: 'replace', value: false }),
          field('subscribed_at', 'activity.timestamp', { action: 'set_null' }),
        ],
        { subscribed: false },
      ),
      collection(
        schema,
        'loyalty_accounts',
        { by: 'identity', fields: [{ field: 'member_no', identity: 'user_id', index: 'loyalty_accounts_member_no_idx' }] },
        [field('member_no', 'account.id', DELETE), field('points', 'other', DELETE)],
      ),
    ],
  };
}

function schemaSql(s: string): string {
  return `
CREATE SCHEMA ${s};
CREATE TABLE ${s}.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL, email text NOT NULL, name text, phone text, billing_address text,
  card_last4 char(4), language text, marketing_opt_in boolean NOT NULL DEFAULT true, birth_date date,
  password_hash text, created_at timestamptz NOT NULL DEFAULT now(), last_login_at timestamptz);
CREATE UNIQUE INDEX customers_email_idx ON ${s}.customers (email);
CREATE UNIQUE INDEX customers_username_idx ON ${s}.customers (username);
CREATE TABLE ${s}.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint REFERENCES ${s}.customers (id),
  shipping_address text, checkout_ip text, total_cents integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX orders_customer_id_idx ON ${s}.orders (customer_id);
CREATE TABLE ${s}.order_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL REFERENCES ${s}.orders (id),
  product text NOT NULL, gift_message text);
CREATE INDEX order_items_order_id_idx ON ${s}.order_items (order_id);
CREATE TABLE ${s}.page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES ${s}.customers (id),
  page text NOT NULL, browser text, ip inet, viewed_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX page_views_customer_id_idx ON ${s}.page_views (customer_id);
CREATE TABLE ${s}.support_tickets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint REFERENCES ${s}.customers (id),
  subject text NOT NULL, body text NOT NULL, reporter_ip inet, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX support_tickets_customer_id_idx ON ${s}.support_tickets (customer_id);
CREATE TABLE ${s}.newsletter_subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, subscribed boolean NOT NULL,
  subscribed_at timestamptz);
CREATE INDEX newsletter_subscriptions_email_idx ON ${s}.newsletter_subscriptions (email);
CREATE TABLE ${s}.loyalty_accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, member_no bigint NOT NULL, points integer NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX loyalty_accounts_member_no_idx ON ${s}.loyalty_accounts (member_no);`;
}

type OwnedRows = Record<ShopTable, string[]>;

export interface ShopStore {
  url: string;
  /** Unquoted schema name (it contains a space and quotes, to exercise identifier quoting). */
  schema: string;
  system: PostgresSystem;
  a: ShopPerson;
  b: ShopPerson;
  c: ShopPerson;
  nobody: Subject;
  /** customers.id of a seeded person. */
  customerId(person: ShopPerson): string;
  query<T extends object = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** `"schema".table` for hand-written SQL in tests. */
  table(name: string): string;
  heldFor(subject: Subject): Promise<number>;
  snapshot(subject: Subject): Promise<StoreSnapshot>;
  isOptedOut(subject: Subject): Promise<boolean>;
  /** Every row of every shop table, for "nothing changed at all". */
  everything(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** Creates a schema of its own in the scratch database and seeds A, B and C. */
export async function createShopStore(url: string): Promise<ShopStore> {
  const schema = `Shop "${randomBytes(4).toString('hex')}" data`;
  const s = quoteIdent(schema);
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const query = async <T extends object = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> =>
    (await pool.query<T>(sql, values)).rows;

  await query(schemaSql(s));
  const owned = new Map<ShopPerson, OwnedRows>();
  const customerIds = new Map<ShopPerson, string>();
  for (const [index, someone] of [PEOPLE.a, PEOPLE.b, PEOPLE.c].entries()) {
    const rows = await seedPerson(query, s, someone, index);
    owned.set(someone, rows);
    customerIds.set(someone, rows.customers[0]);
  }

  const whose = (subject: Subject): ShopPerson => {
    const found = [PEOPLE.a, PEOPLE.b, PEOPLE.c].find((candidate) => subject.identities.email.includes(candidate.email));
    if (!found) {
      throw new Error('the shop fixture only knows A, B and C');
    }
    return found;
  };

  return {
    url,
    schema,
    system: shopSystem(schema, url),
    ...PEOPLE,
    nobody: person('nobody@example.org', 'nobody', '+49 30 0000000', '79999', '192.0.2.99', '2001:db8::99', 'n').subject,
    customerId: (someone) => customerIds.get(someone)!,
    query,
    table: (name) => `${s}.${quoteIdent(name)}`,
    heldFor: async (subject) => {
      const someone = whose(subject);
      const [row] = await query<{ held: string }>(heldSql(s), [
        customerIds.get(someone),
        someone.email,
        someone.username,
        someone.phone,
        someone.ipv4,
        someone.ipv6,
        someone.giftMessage,
        someone.ticketBody,
        someone.memberNo,
      ]);
      return Number(row.held);
    },
    snapshot: async (subject) => {
      const rows = owned.get(whose(subject))!;
      const snapshot: StoreSnapshot = {};
      for (const table of SHOP_TABLES) {
        const records = await query<{ id: string; row: Record<string, unknown> }>(
          `SELECT id::text AS id, to_jsonb(t) AS row FROM ${s}.${quoteIdent(table)} AS t WHERE id = ANY($1::bigint[]) ORDER BY id`,
          [rows[table]],
        );
        snapshot[table] = Object.fromEntries(records.map((record) => [record.id, record.row]));
      }
      return snapshot;
    },
    isOptedOut: async (subject) => {
      const someone = whose(subject);
      const [row] = await query<{ opted_out: boolean }>(
        `SELECT (SELECT bool_and(NOT marketing_opt_in) FROM ${s}.customers WHERE id = $1)
            AND (SELECT bool_and(NOT subscribed) FROM ${s}.newsletter_subscriptions WHERE email = $2) AS opted_out`,
        [customerIds.get(someone), someone.email],
      );
      return row.opted_out === true;
    },
    everything: async () => {
      const all: Record<string, unknown[]> = {};
      for (const table of SHOP_TABLES) {
        all[table] = (await query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${s}.${quoteIdent(table)} AS t ORDER BY id`)).map(
          (record) => record.row,
        );
      }
      return all;
    },
    close: async () => {
      try {
        await query(`DROP SCHEMA ${s} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}

type Query = <T extends object = Record<string, unknown>>(sql: string, values?: unknown[]) => Promise<T[]>;

async function seedPerson(query: Query, s: string, someone: ShopPerson, index: number): Promise<OwnedRows> {
  const ids = async (sql: string, values: unknown[]): Promise<string[]> =>
    (await query<{ id: string }>(`${sql} RETURNING id::text AS id`, values)).map((row) => row.id);
  const customers = await ids(
    `INSERT INTO ${s}.customers (username, email, name, phone, billing_address, card_last4, language, birth_date, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, '4242', 'de', $6, $7, '2024-03-01T10:00:00.123Z')`,
    [someone.username, someone.email, SHARED.name, someone.phone, SHARED.address, `198${index}-02-03`, someone.passwordHash],
  );
  const customerId = customers[0];
  const orders = await ids(
    `INSERT INTO ${s}.orders (customer_id, shipping_address, checkout_ip, total_cents)
     VALUES ($1, $2, $3, 1999), ($1, $2, $4, 4500)`,
    [customerId, SHARED.address, someone.ipv4, someone.ipv6],
  );
  const orderItems = await ids(
    `INSERT INTO ${s}.order_items (order_id, product, gift_message)
     VALUES ($1, 'Teapot', $3), ($1, 'Cups', NULL), ($2, 'Kettle', NULL)`,
    [orders[0], orders[1], someone.giftMessage],
  );
  const pageViews = await ids(
    `INSERT INTO ${s}.page_views (customer_id, page, browser, ip)
     VALUES ($1, '/', 'Firefox 140', $2), ($1, '/cart', 'Firefox 140', $2), ($1, '/help', 'Safari 19', $3)`,
    [customerId, someone.ipv4, someone.ipv6],
  );
  const tickets = await ids(
    `INSERT INTO ${s}.support_tickets (customer_id, subject, body, reporter_ip)
     VALUES ($1, 'Late parcel', $2, $3), ($1, 'Refund', 'Please refund', $4)`,
    [customerId, someone.ticketBody, someone.ipv4, someone.ipv6],
  );
  const subscriptions = await ids(
    `INSERT INTO ${s}.newsletter_subscriptions (email, subscribed, subscribed_at) VALUES ($1, true, '2024-03-02T08:00:00Z')`,
    [someone.email],
  );
  const loyalty = await ids(`INSERT INTO ${s}.loyalty_accounts (member_no, points) VALUES ($1, 120)`, [someone.memberNo]);
  return {
    customers,
    orders,
    order_items: orderItems,
    page_views: pageViews,
    support_tickets: tickets,
    newsletter_subscriptions: subscriptions,
    loyalty_accounts: loyalty,
  };
}

// What still identifies the person: their ids, contact data, full IP addresses and the texts only
// they wrote. Name and address are shared with someone else, so they identify nobody on their own.
function heldSql(s: string): string {
  return `
SELECT
  (SELECT count(*) FROM ${s}.customers WHERE id = $1 OR email = $2 OR username = $3 OR phone = $4)
+ (SELECT count(*) FROM ${s}.orders WHERE customer_id = $1 OR checkout_ip IN ($5, $6))
+ (SELECT count(*) FROM ${s}.order_items
     WHERE gift_message = $7 OR order_id IN (SELECT id FROM ${s}.orders WHERE customer_id = $1))
+ (SELECT count(*) FROM ${s}.page_views WHERE customer_id = $1 OR host(ip) IN ($5, $6))
+ (SELECT count(*) FROM ${s}.support_tickets WHERE customer_id = $1 OR body = $8 OR host(reporter_ip) IN ($5, $6))
+ (SELECT count(*) FROM ${s}.newsletter_subscriptions WHERE email = $2)
+ (SELECT count(*) FROM ${s}.loyalty_accounts WHERE member_no = $9::bigint) AS held`;
}

export function anActionContext(requestType: ActionContext['requestType'], hashSalt = Buffer.alloc(32, 7)): ActionContext {
  return { requestId: `req-${randomBytes(4).toString('hex')}`, requestType, hashSalt };
}
