import { type Client } from 'pg';

// The tables of the demo company's shop database, exactly as apps/cli/demo/datamap.yaml describes
// them. Emails are stored lower-case: the company normalizes them on sign-up.
export const DEMO_COMPANY_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS public.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  phone text,
  billing_address text,
  card_last4 text,
  card_expiry text,
  language text NOT NULL DEFAULT 'en',
  marketing_opt_in boolean NOT NULL DEFAULT false,
  birth_date date,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

CREATE TABLE IF NOT EXISTS public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint,
  shipping_address text NOT NULL,
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS public.page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint,
  page text NOT NULL,
  browser text,
  os text,
  ip inet,
  viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS public.support_tickets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint,
  subject text NOT NULL,
  body text NOT NULL,
  reporter_ip inet,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS public.newsletter_subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  subscribed boolean NOT NULL DEFAULT true,
  subscribed_at timestamptz
);
`;

// The index names are the ones the data map declares; page_views_viewed_at_idx is extra and
// serves the retention sweep over 10M page views.
export const DEMO_COMPANY_INDEXES_SQL = `
CREATE UNIQUE INDEX IF NOT EXISTS customers_email_idx ON public.customers (email);
CREATE UNIQUE INDEX IF NOT EXISTS customers_username_idx ON public.customers (username);
CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON public.orders (customer_id);
CREATE INDEX IF NOT EXISTS page_views_customer_id_idx ON public.page_views (customer_id);
CREATE INDEX IF NOT EXISTS page_views_viewed_at_idx ON public.page_views (viewed_at);
CREATE INDEX IF NOT EXISTS support_tickets_customer_id_idx ON public.support_tickets (customer_id);
CREATE UNIQUE INDEX IF NOT EXISTS newsletter_subscriptions_email_idx ON public.newsletter_subscriptions (email);
`;

// Plain NO ACTION foreign keys: deleting a customer who still has orders fails, so the product has
// to handle the children first (the erase order the data map's references imply).
const FOREIGN_KEYS = [
  { table: 'orders', name: 'orders_customer_id_fkey' },
  { table: 'page_views', name: 'page_views_customer_id_fkey' },
  { table: 'support_tickets', name: 'support_tickets_customer_id_fkey' },
] as const;

// PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS; the DO block makes the statement repeatable.
export const DEMO_COMPANY_FOREIGN_KEYS_SQL = FOREIGN_KEYS.map(
  ({ table, name }) => `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${name}' AND conrelid = 'public.${table}'::regclass) THEN
    ALTER TABLE public.${table} ADD CONSTRAINT ${name} FOREIGN KEY (customer_id) REFERENCES public.customers (id);
  END IF;
END
$$;`,
).join('\n');

export interface CreateDemoCompanySchemaOptions {
  /** False for bulk loads: call createDemoCompanyIndexes after the rows are in (much faster). */
  withIndexes: boolean;
}

/** Creates the demo company's tables (primary keys only unless `withIndexes`). Safe to repeat. */
export async function createDemoCompanySchema(
  client: Client,
  options: CreateDemoCompanySchemaOptions,
): Promise<void> {
  await client.query(DEMO_COMPANY_TABLES_SQL);
  if (options.withIndexes) {
    await createDemoCompanyIndexes(client);
  }
}

/** Adds the secondary indexes and the foreign keys to customers. Safe to repeat. */
export async function createDemoCompanyIndexes(client: Client): Promise<void> {
  await client.query('BEGIN');
  try {
    // Index builds over millions of rows sort in memory instead of spilling to disk.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(DEMO_COMPANY_INDEXES_SQL);
    await client.query(DEMO_COMPANY_FOREIGN_KEYS_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
