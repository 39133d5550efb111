import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: triggers are beyond what TypeORM generates from entities.
export class AuditChain1795605512792 implements MigrationInterface {
  name = 'AuditChain1795605512792';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Append-only for everyone, the application's role included. The one update allowed is the
    // seal below, and only on a row not sealed yet with nothing but the chain columns changing.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND (NEW.id, NEW.request_id, NEW.actor_type, NEW.actor_id, NEW.action, NEW.from_status, NEW.to_status,
                NEW.reason, NEW.data, NEW.occurred_at, NEW.content_hash)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.request_id, OLD.actor_type, OLD.actor_id, OLD.action, OLD.from_status, OLD.to_status,
                OLD.reason, OLD.data, OLD.occurred_at, OLD.content_hash) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);

    // Sealing at COMMIT: the chain lock is taken and released inside the server, with no client
    // round trip while it is held, so many api and worker processes can append concurrently.
    // Each statement of a VOLATILE function takes a fresh snapshot under READ COMMITTED, so the
    // SELECT after the lock sees every row sealed before it; other isolation levels would see a
    // stale tail and fork the chain, hence the refusal.
    await queryRunner.query(`CREATE SEQUENCE audit_event_seq AS bigint`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous char(64);
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events must be written under READ COMMITTED, not %', current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7201120431);
        SELECT hash INTO previous FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        UPDATE audit_event
           SET seq = nextval('audit_event_seq'),
               prev_hash = previous,
               hash = encode(sha256(convert_to(previous || E'\\n' || content_hash, 'UTF8')), 'hex')
         WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_seal()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_seal ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_seal()`);
    await queryRunner.query(`DROP SEQUENCE audit_event_seq`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
