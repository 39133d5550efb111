import { DataSource } from 'typeorm';
import { AuditTrail } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';

describe('audit trail', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
    for (const email of ['a1@example.com', 'a2@example.com', 'a3@example.com']) {
      await h.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { type: 'access', email, country: 'DE' } });
    }
  });

  afterAll(async () => {
    await h.close();
  });

  const db = () => h.app.get(DataSource);

  it('is append-only, even for the application role', async () => {
    await expect(db().query(`UPDATE audit_event SET reason = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(db().query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await expect(db().query(`UPDATE audit_chain SET hash = prev_hash`)).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM audit_chain`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain and names the first row someone with superuser rights altered', async () => {
    expect(await h.app.get(AuditTrail).verify()).toEqual({ ok: true, checked: 3 });
    const [second] = await db().query<Array<{ id: string; seq: string }>>(
      `SELECT e.id, c.seq FROM audit_chain c JOIN audit_event e ON e.id = c.event_id ORDER BY c.seq OFFSET 1 LIMIT 1`,
    );
    await db().transaction(async (tx) => {
      await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.query(`UPDATE audit_event SET to_status = 'completed' WHERE id = $1`, [second.id]);
      await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: false, firstBroken: { sequence: Number(second.seq), reason: 'hash_mismatch' } });
  });
});
