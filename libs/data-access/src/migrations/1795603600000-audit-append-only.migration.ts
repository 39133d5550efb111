import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: triggers and checks are beyond what TypeORM generates from entities.
export class AuditAppendOnly1795603600000 implements MigrationInterface {
  name = 'AuditAppendOnly1795603600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The audit trail is append-only for everyone, the application's own role included; the hash
    // chain then proves nobody with superuser rights removed the trigger and edited history.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      ALTER TABLE privacy_request
        ADD CONSTRAINT privacy_request_type_check CHECK (type IN ('access','rectification','erasure','opt_out','child_data_removal')),
        ADD CONSTRAINT privacy_request_status_check CHECK (status IN ('pending_verification','awaiting_review','on_hold','approved','in_progress','completed','failed','denied','cancelled','expired'))`);
    await queryRunner.query(`
      ALTER TABLE verification_token
        ADD CONSTRAINT verification_token_request_fk FOREIGN KEY (request_id) REFERENCES privacy_request(id) ON DELETE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE verification_token DROP CONSTRAINT verification_token_request_fk`);
    await queryRunner.query(
      `ALTER TABLE privacy_request DROP CONSTRAINT privacy_request_status_check, DROP CONSTRAINT privacy_request_type_check`,
    );
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
