import { withPostgresClient } from '@rightsdesk/local-services';

// A small company database for the engine tests: customers with orders and page views (children by
// foreign key), newsletter rows found by email, and two different people who share a name.
export const COMPANY_SCHEMA = `
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text,
  phone text,
  billing_address text,
  password_hash text,
  marketing_opt_in boolean NOT NULL DEFAULT true
);
CREATE INDEX customers_email_idx ON customers (email);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint REFERENCES customers (id),
  shipping_address text,
  total_cents integer NOT NULL
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  page text NOT NULL,
  ip inet
);
CREATE INDEX page_views_customer_id_idx ON page_views (customer_id);
CREATE TABLE newsletter (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  subscribed boolean NOT NULL DEFAULT true
);
CREATE INDEX newsletter_email_idx ON newsletter (email);
`;

export async function seedCompany(url: string): Promise<void> {
  await withPostgresClient(url, async (client) => {
    await client.query(COMPANY_SCHEMA);
    await client.query(`
      INSERT INTO customers (email, name, phone, billing_address, password_hash) VALUES
        ('ada@example.com', 'Same Name', '+44 1', '1 Shared Street', 'argon2$secret-ada'),
        ('bob@example.com', 'Same Name', '+44 2', '1 Shared Street', 'argon2$secret-bob');
      INSERT INTO orders (customer_id, shipping_address, total_cents)
        SELECT c.id, '1 Shared Street', 1000 + g FROM customers c, generate_series(1, 3) g;
      INSERT INTO page_views (customer_id, page, ip)
        SELECT c.id, '/page/' || g, ('10.1.2.' || g)::inet FROM customers c, generate_series(1, 5) g;
      INSERT INTO newsletter (email) VALUES ('ada@example.com'), ('bob@example.com');
    `);
  });
}

export async function heldFor(url: string, email: string): Promise<{ customers: number; orders: number; pageViews: number; newsletter: number }> {
  return withPostgresClient(url, async (client) => {
    const { rows } = await client.query<{ customers: number; orders: number; page_views: number; newsletter: number }>(
      `SELECT (SELECT count(*)::int FROM customers WHERE email = $1) AS customers,
              (SELECT count(*)::int FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = $1) AS orders,
              (SELECT count(*)::int FROM page_views p JOIN customers c ON c.id = p.customer_id WHERE c.email = $1) AS page_views,
              (SELECT count(*)::int FROM newsletter WHERE email = $1 AND subscribed) AS newsletter`,
      [email],
    );
    return { customers: rows[0].customers, orders: rows[0].orders, pageViews: rows[0].page_views, newsletter: rows[0].newsletter };
  });
}

export function companyDataMap(envPrefix: string, options: { bucket: string; providerUrl?: string }): string {
  return `version: 1
systems:
  shop:
    kind: postgres
    title: Shop database
    connection:
      url: { env: ${envPrefix}_COMPANY_URL }
    concurrency: 2
    purposes: [Providing the service]
    recipients: [Hosting provider]
    collections:
      customers:
        table: customers
        primaryKey: id
        identity: { field: email, kind: email, index: customers_email_idx }
        erasure: delete_row
        fields:
          id: { category: account.id }
          email: { category: contact.email, rectifiable: true }
          name: { category: name, rectifiable: true }
          phone: { category: contact.phone, rectifiable: true }
          billing_address: { category: billing.address, rectifiable: true }
          password_hash: { category: account.credentials, secret: true }
          marketing_opt_in: { category: marketing.consent }
        optOut:
          set: { marketing_opt_in: false }
      orders:
        table: orders
        primaryKey: id
        reference: { field: customer_id, to: customers.id, index: orders_customer_id_idx }
        fields:
          customer_id: { category: account.id, erasure: set_null }
          shipping_address: { category: contact.address, erasure: { replace: "[erased]" } }
          total_cents: { category: activity.purchase, erasure: { keep: "tax law" } }
      page_views:
        table: page_views
        primaryKey: id
        reference: { field: customer_id, to: customers.id, index: page_views_customer_id_idx }
        erasure: delete_row
        fields:
          customer_id: { category: account.id }
          page: { category: activity.page_view }
          ip: { category: device.ip }
      newsletter:
        table: newsletter
        primaryKey: id
        identity: { field: email, kind: email, index: newsletter_email_idx }
        fields:
          email: { category: contact.email, erasure: hash }
          subscribed: { category: marketing.subscription, erasure: { replace: false } }
        optOut:
          set: { subscribed: false }
  avatars:
    kind: s3
    title: Profile pictures
    connection:
      bucket: ${options.bucket}
      region: us-east-1
      endpoint: { env: ${envPrefix}_S3_ENDPOINT }
      accessKeyId: { env: ${envPrefix}_S3_KEY }
      secretAccessKey: { env: ${envPrefix}_S3_SECRET }
      forcePathStyle: true
    collections:
      avatars:
        keyTemplate: "avatars/{shop.customers.id}/"
        category: content.media
${
  options.providerUrl
    ? `  mailer:
    kind: webhook
    title: Newsletter platform
    connection:
      url: ${options.providerUrl}
      secret: { env: ${envPrefix}_PROVIDER_SECRET }
      timeoutMs: 2000
      callbackDeadlineHours: 1
    identities: [email]
    collections:
      contacts:
        fields:
          email: { category: contact.email }
`
    : ''
}  suppression:
    kind: suppression
    title: Suppression list
`;
}
