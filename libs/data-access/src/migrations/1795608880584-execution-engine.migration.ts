import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExecutionEngine1795608880584 implements MigrationInterface {
  name = 'ExecutionEngine1795608880584';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"access_package\" (\"id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"token_hash\" bytea NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"downloads_remaining\" integer NOT NULL, \"bytes\" bigint NOT NULL, \"sha256\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_downloaded_at\" TIMESTAMP WITH TIME ZONE, \"deleted_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b55c3a61808fcd0924bc969382f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"access_package_request_idx\" ON \"access_package\"  (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"access_package_token_hash_key\" ON \"access_package\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"access_package_expiry_idx\" ON \"access_package\"  (\"expires_at\") WHERE deleted_at IS NULL");
    await queryRunner.query("CREATE TABLE \"api_key\" (\"id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"prefix\" character varying(24) NOT NULL, \"secret_hash\" bytea NOT NULL, \"scopes\" text array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b1bd840641b8acbaad89c3d8d11\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"api_key_prefix_key\" ON \"api_key\"  (\"prefix\") ");
    await queryRunner.query("CREATE TABLE \"request_execution\" (\"request_id\" uuid NOT NULL, \"run\" integer NOT NULL DEFAULT '1', \"subject\" bytea NOT NULL, \"datamap_sha256\" character(64) NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_0c6fef83d8e1367d0e4ed73ea29\" PRIMARY KEY (\"request_id\"))");
    await queryRunner.query("CREATE TABLE \"suppression_entry\" (\"email_sha256\" bytea NOT NULL, \"source\" character varying(100) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6cc1b955348439c216ecdeda673\" PRIMARY KEY (\"email_sha256\"))");
    await queryRunner.query("CREATE TABLE \"system_execution\" (\"request_id\" uuid NOT NULL, \"system_key\" character varying(63) NOT NULL, \"run\" integer NOT NULL, \"status\" character varying(20) NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"outcome\" jsonb, \"outcome_sha256\" character(64), \"error_code\" character varying(64), \"error_message\" character varying(500), \"provider_reference\" character varying(200), \"callback_deadline\" TIMESTAMP WITH TIME ZONE, \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"system_execution_status_check\" CHECK (status IN ('pending','running','awaiting_callback','done','failed')), CONSTRAINT \"PK_cc156f5008f7dbf5df163f419ac\" PRIMARY KEY (\"request_id\", \"system_key\"))");
    await queryRunner.query("CREATE INDEX \"system_execution_callback_deadline_idx\" ON \"system_execution\"  (\"callback_deadline\") WHERE status = 'awaiting_callback'");
    await queryRunner.query("ALTER TABLE \"access_package\" ADD CONSTRAINT \"FK_db4d9529537cd416ffd265984ac\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_execution\" ADD CONSTRAINT \"FK_0c6fef83d8e1367d0e4ed73ea29\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"system_execution\" ADD CONSTRAINT \"FK_796ea6966453cc8d318eb7850ec\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"system_execution\" DROP CONSTRAINT \"FK_796ea6966453cc8d318eb7850ec\"");
    await queryRunner.query("ALTER TABLE \"request_execution\" DROP CONSTRAINT \"FK_0c6fef83d8e1367d0e4ed73ea29\"");
    await queryRunner.query("ALTER TABLE \"access_package\" DROP CONSTRAINT \"FK_db4d9529537cd416ffd265984ac\"");
    await queryRunner.query("DROP INDEX \"public\".\"system_execution_callback_deadline_idx\"");
    await queryRunner.query("DROP TABLE \"system_execution\"");
    await queryRunner.query("DROP TABLE \"suppression_entry\"");
    await queryRunner.query("DROP TABLE \"request_execution\"");
    await queryRunner.query("DROP INDEX \"public\".\"api_key_prefix_key\"");
    await queryRunner.query("DROP TABLE \"api_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_package_expiry_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_package_token_hash_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_package_request_idx\"");
    await queryRunner.query("DROP TABLE \"access_package\"");
  }
}
