import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleOfficers1796587807710 implements MigrationInterface {
  name = 'ConsoleOfficers1796587807710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"officer\" (\"id\" uuid NOT NULL, \"email\" character varying(254) NOT NULL, \"display_name\" character varying(100) NOT NULL, \"role\" character varying(16) NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"password_changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"totp_secret\" bytea, \"totp_enabled_at\" TIMESTAMP WITH TIME ZONE, \"totp_last_step\" bigint, \"failed_logins\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"last_login_at\" TIMESTAMP WITH TIME ZONE, \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"officer_role_check\" CHECK (role IN ('admin','officer','auditor')), CONSTRAINT \"PK_b9bab694da36794c5065085936c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"officer_email_key\" ON \"officer\"  (\"email\") ");
    await queryRunner.query("CREATE TABLE \"console_setting\" (\"key\" character varying(64) NOT NULL, \"value\" jsonb NOT NULL, \"updated_by\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_fcd51c316e9f982aa82c3e4e160\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE TABLE \"officer_session\" (\"id\" uuid NOT NULL, \"token_hash\" bytea NOT NULL, \"csrf_hash\" bytea NOT NULL, \"officer_id\" uuid NOT NULL, \"enrolment_only\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_9a33b5dc46891778c3b450f6a5a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"officer_session_token_hash_key\" ON \"officer_session\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"officer_session_officer_idx\" ON \"officer_session\"  (\"officer_id\") ");
    await queryRunner.query("CREATE TABLE \"request_message\" (\"id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"kind\" character varying(24) NOT NULL, \"author_type\" character varying(16) NOT NULL, \"author_id\" uuid, \"body\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"request_message_author_type_check\" CHECK (author_type IN ('officer','requester')), CONSTRAINT \"request_message_kind_check\" CHECK (kind IN ('note','denial','extension','information_request','cancellation','requester_reply')), CONSTRAINT \"PK_2abc687f76b2e31fc2dba1dd017\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"request_message_request_idx\" ON \"request_message\"  (\"request_id\") ");
    await queryRunner.query("CREATE TABLE \"request_attachment\" (\"id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"message_id\" uuid NOT NULL, \"file_name\" bytea, \"content_type\" character varying(100) NOT NULL, \"bytes\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"content\" bytea, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"deleted_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_83cf68af3440b302b1d0d860b08\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"request_attachment_request_idx\" ON \"request_attachment\"  (\"request_id\") ");
    await queryRunner.query("CREATE INDEX \"request_attachment_message_idx\" ON \"request_attachment\"  (\"message_id\") ");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"assignee_id\" uuid");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"holds\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"approval_proposed_by\" uuid");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"approval_proposed_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD \"deny_reason\" character varying(32)");
    await queryRunner.query("CREATE INDEX \"privacy_request_assignee_idx\" ON \"privacy_request\"  (\"assignee_id\") ");
    await queryRunner.query("CREATE INDEX \"privacy_request_received_idx\" ON \"privacy_request\"  (\"received_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"privacy_request_due_idx\" ON \"privacy_request\"  (\"due_on\", \"id\") ");
    await queryRunner.query("ALTER TABLE \"privacy_request\" ADD CONSTRAINT \"FK_2d7aa90e9256bf73085352e0f66\" FOREIGN KEY (\"assignee_id\") REFERENCES \"officer\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"officer_session\" ADD CONSTRAINT \"FK_063d937980f1ee5f37757885c62\" FOREIGN KEY (\"officer_id\") REFERENCES \"officer\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_message\" ADD CONSTRAINT \"FK_898802dd2d03c395dcb4a5578de\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_attachment\" ADD CONSTRAINT \"FK_55ee7caa598219b2a7505d282bb\" FOREIGN KEY (\"request_id\") REFERENCES \"privacy_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_attachment\" ADD CONSTRAINT \"FK_2716c56e9bfc6bc3038317395b2\" FOREIGN KEY (\"message_id\") REFERENCES \"request_message\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"request_attachment\" DROP CONSTRAINT \"FK_2716c56e9bfc6bc3038317395b2\"");
    await queryRunner.query("ALTER TABLE \"request_attachment\" DROP CONSTRAINT \"FK_55ee7caa598219b2a7505d282bb\"");
    await queryRunner.query("ALTER TABLE \"request_message\" DROP CONSTRAINT \"FK_898802dd2d03c395dcb4a5578de\"");
    await queryRunner.query("ALTER TABLE \"officer_session\" DROP CONSTRAINT \"FK_063d937980f1ee5f37757885c62\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP CONSTRAINT \"FK_2d7aa90e9256bf73085352e0f66\"");
    await queryRunner.query("DROP INDEX \"public\".\"privacy_request_due_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"privacy_request_received_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"privacy_request_assignee_idx\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"deny_reason\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"approval_proposed_at\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"approval_proposed_by\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"holds\"");
    await queryRunner.query("ALTER TABLE \"privacy_request\" DROP COLUMN \"assignee_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"request_attachment_message_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"request_attachment_request_idx\"");
    await queryRunner.query("DROP TABLE \"request_attachment\"");
    await queryRunner.query("DROP INDEX \"public\".\"request_message_request_idx\"");
    await queryRunner.query("DROP TABLE \"request_message\"");
    await queryRunner.query("DROP INDEX \"public\".\"officer_session_officer_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"officer_session_token_hash_key\"");
    await queryRunner.query("DROP TABLE \"officer_session\"");
    await queryRunner.query("DROP TABLE \"console_setting\"");
    await queryRunner.query("DROP INDEX \"public\".\"officer_email_key\"");
    await queryRunner.query("DROP TABLE \"officer\"");
  }
}
