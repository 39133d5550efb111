import { withPostgresClient } from '@rightsdesk/local-services';
import { createCompanySchema } from '@rightsdesk/testing';

// The company database of the engine tests (schema in libs/testing): two different people who
// share a name and an address, each with orders, page views and a newsletter subscription.
export async function seedCompany(url: string): Promise<void> {
  await createCompanySchema(url);
  await withPostgresClient(url, async (client) => {
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
