import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrpRequests1796608152052 implements MigrationInterface {
  name = 'DrpRequests1796608152052';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"drp_agent_token\" ADD \"pairing_sha256\" bytea");
    await queryRunner.query("CREATE UNIQUE INDEX \"drp_agent_token_pairing_key\" ON \"drp_agent_token\"  (\"pairing_sha256\") WHERE pairing_sha256 IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"drp_request\" (\"id\" uuid NOT NULL, \"agent_id\" character varying(100) NOT NULL, \"agent_request_id\" character varying(200), \"body_sha256\" bytea NOT NULL, \"request_id\" uuid, \"exercise\" character varying(32) NOT NULL, \"drp_regime\" character varying(32), \"drp_version\" character varying(8) NOT NULL, \"status_callback\" character varying(2000), \"claims\" bytea NOT NULL, \"message_expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"final_status\" character varying(16), \"final_reason\" character varying(32), \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"callback_sent_key\" character varying(64), \"callback_abandoned_key\" character varying(64), \"callback_attempts\" integer NOT NULL DEFAULT '0', \"callback_failing_key\" character varying(64), \"callback_next_at\" TIMESTAMP WITH TIME ZONE, \"callback_lease_until\" TIMESTAMP WITH TIME ZONE, \"callback_settled\" boolean NOT NULL DEFAULT false, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_182737593887c99d11458916ffd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"drp_request_request_id_key\" ON \"drp_request\"  (\"request_id\") WHERE request_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"drp_request_callback_pending_idx\" ON \"drp_request\"  (\"callback_next_at\") WHERE status_callback IS NOT NULL AND callback_settled = false");
    await queryRunner.query("CREATE UNIQUE INDEX \"drp_request_agent_body_key\" ON \"drp_request\"  (\"agent_id\", \"body_sha256\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"drp_request_agent_request_id_key\" ON \"drp_request\"  (\"agent_id\", \"agent_request_id\") WHERE agent_request_id IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"drp_request\" ADD CONSTRAINT \"FK_1e92624150e782898c85fe907dd\" FOREIGN KEY (\"agent_id\") REFERENCES \"drp_agent\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"drp_request\" ADD CONSTRAINT \"FK_202e056192c8df6c79ab257ac3a\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"drp_request\" DROP CONSTRAINT \"FK_202e056192c8df6c79ab257ac3a\"");
    await queryRunner.query("ALTER TABLE \"drp_request\" DROP CONSTRAINT \"FK_1e92624150e782898c85fe907dd\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_request_agent_request_id_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_request_agent_body_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_request_callback_pending_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_request_request_id_key\"");
    await queryRunner.query("DROP TABLE \"drp_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_agent_token_pairing_key\"");
    await queryRunner.query("ALTER TABLE \"drp_agent_token\" DROP COLUMN \"pairing_sha256\"");
  }
}
