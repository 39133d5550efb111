import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InteropMends1796611089677 implements MigrationInterface {
  name = 'InteropMends1796611089677';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"system_execution\" ADD \"polled_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"gpc_signal\" ALTER COLUMN \"request_id\" DROP NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Signals whose request was minimized lost the link; the older schema needs some id there.
    await queryRunner.query("UPDATE \"gpc_signal\" SET \"request_id\" = '00000000-0000-0000-0000-000000000000' WHERE \"request_id\" IS NULL");
    await queryRunner.query("ALTER TABLE \"gpc_signal\" ALTER COLUMN \"request_id\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"system_execution\" DROP COLUMN \"polled_at\"");
  }
}
