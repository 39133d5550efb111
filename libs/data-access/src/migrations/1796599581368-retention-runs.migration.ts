import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionRuns1796599581368 implements MigrationInterface {
  name = 'RetentionRuns1796599581368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"child_finding\" (\"rule_id\" character varying(200) NOT NULL, \"key_hash\" bytea NOT NULL, \"request_id\" uuid, \"found_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5e60aab4a478c0bcfbd894e4e62\" PRIMARY KEY (\"rule_id\", \"key_hash\"))");
    await queryRunner.query("CREATE TABLE \"retention_hold\" (\"rule_id\" character varying(200) NOT NULL, \"reason\" character varying(500) NOT NULL, \"placed_by\" uuid, \"placed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a07b51106b8a9253fa411bee5e7\" PRIMARY KEY (\"rule_id\"))");
    await queryRunner.query("CREATE TABLE \"retention_run\" (\"id\" uuid NOT NULL, \"rule_id\" character varying(200) NOT NULL, \"trigger\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"as_of\" TIMESTAMP WITH TIME ZONE NOT NULL, \"cursor\" text, \"rows_affected\" bigint NOT NULL DEFAULT '0', \"batches\" integer NOT NULL DEFAULT '0', \"errors\" integer NOT NULL DEFAULT '0', \"last_error\" character varying(500), \"longest_statement_ms\" integer NOT NULL DEFAULT '0', \"resumes\" integer NOT NULL DEFAULT '0', \"started_by\" uuid, \"lease_owner\" character varying(120), \"lease_until\" TIMESTAMP WITH TIME ZONE, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"retention_run_trigger_check\" CHECK (trigger IN ('schedule','manual')), CONSTRAINT \"retention_run_status_check\" CHECK (status IN ('running','paused','completed','cancelled','failed','held')), CONSTRAINT \"PK_6ca0ca7552b6832d70c9c95a57d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"retention_run_rule_started_idx\" ON \"retention_run\"  (\"rule_id\", \"started_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"retention_run_active_rule_key\" ON \"retention_run\"  (\"rule_id\") WHERE status IN ('running','paused')");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"minimized_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"minimized_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"retention_run_active_rule_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"retention_run_rule_started_idx\"");
    await queryRunner.query("DROP TABLE \"retention_run\"");
    await queryRunner.query("DROP TABLE \"retention_hold\"");
    await queryRunner.query("DROP TABLE \"child_finding\"");
  }
}
