import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795605512791 implements MigrationInterface {
  name = 'InitialSchema1795605512791';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_chain" ("seq" bigint NOT NULL, "event_id" bigint NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_d31e87c3f18459d04fe709c30a5" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "audit_chain_event_key" ON "audit_chain"  ("event_id") ');
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "request_id" uuid, "actor_type" character varying(16) NOT NULL, "actor_id" character varying(64), "action" character varying(64) NOT NULL, "from_status" character varying(32), "to_status" character varying(32), "reason" character varying(500), "data" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character(64) NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_event_request_idx" ON "audit_event"  ("request_id") ');
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" uuid NOT NULL, "request_id" uuid, "channel" character varying(16) NOT NULL, "template" character varying(64) NOT NULL, "payload" bytea, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "claimed_until" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "enqueued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "outbox_message_request_idx" ON "outbox_message"  ("request_id") ');
    await queryRunner.query(
      'CREATE INDEX "outbox_message_pending_idx" ON "outbox_message"  ("enqueued_at") WHERE status = \'pending\'',
    );
    await queryRunner.query(
      'CREATE INDEX "outbox_message_unrelayed_idx" ON "outbox_message"  ("created_at") WHERE status = \'pending\' AND enqueued_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "privacy_request" ("id" uuid NOT NULL, "reference" character varying(24) NOT NULL, "type" character varying(32) NOT NULL, "status" character varying(32) NOT NULL, "regime" character varying(16) NOT NULL, "country" character(2) NOT NULL, "region" character varying(6), "language" character varying(5) NOT NULL, "channel" character varying(16) NOT NULL DEFAULT \'web\', "email_lookup" bytea NOT NULL, "dedup_key" bytea, "personal_data" bytea NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_on" date NOT NULL, "due_on" date NOT NULL, "due_explanation" text NOT NULL, "extended" boolean NOT NULL DEFAULT false, "verified_at" TIMESTAMP WITH TIME ZONE, "verification_failures" integer NOT NULL DEFAULT \'0\', "verification_sent_at" TIMESTAMP WITH TIME ZONE, "status_token_hash" bytea, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "privacy_request_status_check" CHECK (status IN (\'pending_verification\',\'awaiting_review\',\'on_hold\',\'approved\',\'in_progress\',\'completed\',\'failed\',\'denied\',\'cancelled\',\'expired\')), CONSTRAINT "privacy_request_type_check" CHECK (type IN (\'access\',\'rectification\',\'erasure\',\'opt_out\',\'child_data_removal\')), CONSTRAINT "PK_0f0855b007a744a88b91ef3b7b8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "privacy_request_reference_key" ON "privacy_request"  ("reference") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "privacy_request_dedup_key" ON "privacy_request"  ("dedup_key") WHERE dedup_key IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "privacy_request_status_due_idx" ON "privacy_request"  ("status", "due_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "privacy_request_email_lookup_idx" ON "privacy_request"  ("email_lookup") ',
    );
    await queryRunner.query(
      'CREATE TABLE "verification_token" ("id" uuid NOT NULL, "request_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74bc3066ea24f13f37d52a12c79" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "verification_token_request_idx" ON "verification_token"  ("request_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "verification_token_hash_key" ON "verification_token"  ("token_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_token" ADD CONSTRAINT "verification_token_request_fk" FOREIGN KEY ("request_id") REFERENCES "privacy_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "verification_token" DROP CONSTRAINT "verification_token_request_fk"',
    );
    await queryRunner.query('DROP INDEX "public"."verification_token_hash_key"');
    await queryRunner.query('DROP INDEX "public"."verification_token_request_idx"');
    await queryRunner.query('DROP TABLE "verification_token"');
    await queryRunner.query('DROP INDEX "public"."privacy_request_email_lookup_idx"');
    await queryRunner.query('DROP INDEX "public"."privacy_request_status_due_idx"');
    await queryRunner.query('DROP INDEX "public"."privacy_request_dedup_key"');
    await queryRunner.query('DROP INDEX "public"."privacy_request_reference_key"');
    await queryRunner.query('DROP TABLE "privacy_request"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_unrelayed_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_message_request_idx"');
    await queryRunner.query('DROP TABLE "outbox_message"');
    await queryRunner.query('DROP INDEX "public"."audit_event_request_idx"');
    await queryRunner.query('DROP TABLE "audit_event"');
    await queryRunner.query('DROP INDEX "public"."audit_chain_event_key"');
    await queryRunner.query('DROP TABLE "audit_chain"');
  }
}
