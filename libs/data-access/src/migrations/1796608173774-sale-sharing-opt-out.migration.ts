import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SaleSharingOptOut1796608173774 implements MigrationInterface {
  name = 'SaleSharingOptOut1796608173774';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"gpc_signal\" (\"email_lookup\" bytea NOT NULL, \"request_id\" uuid NOT NULL, \"source\" character varying(20) NOT NULL, \"honoured_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ddb59ae35745cfd4ec93eaba370\" PRIMARY KEY (\"email_lookup\"))");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" ADD \"list\" character varying(20) NOT NULL DEFAULT 'marketing'");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" DROP CONSTRAINT \"PK_6cc1b955348439c216ecdeda673\"");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" ADD CONSTRAINT \"PK_6f7fc901c265ee6b4602fdd443e\" PRIMARY KEY (\"email_sha256\", \"list\")");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" ADD CONSTRAINT \"CHK_suppression_entry_list\" CHECK (\"list\" IN ('marketing', 'sale_sharing'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"suppression_entry\" DROP CONSTRAINT \"CHK_suppression_entry_list\"");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" DROP CONSTRAINT \"PK_6f7fc901c265ee6b4602fdd443e\"");
    // The older schema has one list, marketing: sale/sharing entries cannot stay (they would turn
    // into marketing opt-outs nobody asked for, and collide with the key of those that exist).
    await queryRunner.query("DELETE FROM \"suppression_entry\" WHERE \"list\" <> 'marketing'");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" ADD CONSTRAINT \"PK_6cc1b955348439c216ecdeda673\" PRIMARY KEY (\"email_sha256\")");
    await queryRunner.query("ALTER TABLE \"suppression_entry\" DROP COLUMN \"list\"");
    await queryRunner.query("DROP TABLE \"gpc_signal\"");
  }
}
