import { withPostgresClient } from '@rightsdesk/local-services';

// A small company database for execution tests (worker, e2e): customers with orders and page views
// (children by foreign key), and newsletter rows found by email. Each test seeds its own rows.
const COMPANY_SCHEMA = `
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
  ip inet,
  viewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_views_customer_id_idx ON page_views (customer_id);
CREATE TABLE newsletter (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  subscribed boolean NOT NULL DEFAULT true
);
CREATE INDEX newsletter_email_idx ON newsletter (email);
`;

export async function createCompanySchema(url: string): Promise<void> {
  await withPostgresClient(url, (client) => client.query(COMPANY_SCHEMA));
}

export interface CompanyDataMapOptions {
  /** The data map names environment variables `<envPrefix>_COMPANY_URL`, `_S3_ENDPOINT`, `_S3_KEY`, `_S3_SECRET`, `_PROVIDER_SECRET`. */
  envPrefix: string;
  bucket: string;
  /** Jobs of the shop system at once (1 keeps a batch of erasures in flight for crash tests). */
  shopConcurrency?: number;
  /** Adds a webhook system `mailer` posting to this URL. */
  providerUrl?: string;
  /**
   * Retention rules on page views: IPs anonymized after 30 days (`shop.page_views.anonymize`),
   * rows deleted after 120 days (`shop.page_views.delete`), on these schedules (UTC).
   */
  pageViewRetention?: { anonymizeCron: string; deleteCron: string; legalHold?: boolean };
}

/** The data map over the company database, an S3 bucket of avatars, an optional provider and the suppression list. */
export function companyDataMap(options: CompanyDataMapOptions): string {
  const env = (name: string) => `{ env: ${options.envPrefix}_${name} }`;
  const provider = options.providerUrl
    ? `  mailer:
    kind: webhook
    title: Newsletter platform
    connection:
      url: ${options.providerUrl}
      secret: ${env('PROVIDER_SECRET')}
      timeoutMs: 2000
      callbackDeadlineHours: 1
    identities: [email]
    collections:
      contacts:
        fields:
          email: { category: contact.email }
`
    : '';
  return `version: 1
systems:
  shop:
    kind: postgres
    title: Shop database
    connection:
      url: ${env('COMPANY_URL')}
    concurrency: ${options.shopConcurrency ?? 2}
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
${pageViewRetention(options)}      newsletter:
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
      endpoint: ${env('S3_ENDPOINT')}
      accessKeyId: ${env('S3_KEY')}
      secretAccessKey: ${env('S3_SECRET')}
      forcePathStyle: true
    collections:
      avatars:
        keyTemplate: "avatars/{shop.customers.id}/"
        category: content.media
${provider}  suppression:
    kind: suppression
    title: Suppression list
`;
}

function pageViewRetention(options: CompanyDataMapOptions): string {
  const rules = options.pageViewRetention;
  if (!rules) {
    return '';
  }
  return `        retention:
          - name: anonymize
            field: viewed_at
            period: P30D
            action: anonymize
            anonymize: { ip: anonymize_ip }
            schedule: { cron: "${rules.anonymizeCron}", timezone: UTC }
          - name: delete
            field: viewed_at
            period: P120D
            action: delete
            legalHold: ${rules.legalHold ?? false}
            schedule: { cron: "${rules.deleteCron}", timezone: UTC }
`;
}
