import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: triggers are beyond what TypeORM generates from entities.
export class AuditChain1795605512792 implements MigrationInterface {
  name = 'AuditChain1795605512792';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The audit trail is append-only for everyone, the application's role included; the hash
    // chain then proves that nobody with the rights to drop these triggers edited history.
    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_event', 'audit_chain']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }

    // Each event is linked into the chain when its transaction commits: the chain lock is taken
    // and released inside the server, never held across a client round trip, so any number of
    // api and worker processes append concurrently and the chain follows commit order.
    // Each statement of a VOLATILE function takes a fresh snapshot under READ COMMITTED, so the
    // SELECT after the lock sees every link committed before it; other isolation levels would see
    // a stale tail and fork the chain, hence the refusal.
    await queryRunner.query(`CREATE SEQUENCE audit_chain_seq AS bigint`);
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous char(64);
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events must be written under READ COMMITTED, not %', current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7201120431);
        SELECT hash INTO previous FROM audit_chain ORDER BY seq DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        INSERT INTO audit_chain (seq, event_id, prev_hash, hash)
        VALUES (nextval('audit_chain_seq'), NEW.id, previous,
                encode(sha256(convert_to(previous || E'\\n' || NEW.content_hash, 'UTF8')), 'hex'));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER audit_event_link AFTER INSERT ON audit_event
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_link()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_link ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_chain_link()`);
    await queryRunner.query(`DROP SEQUENCE audit_chain_seq`);
    for (const table of ['audit_chain', 'audit_event']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
