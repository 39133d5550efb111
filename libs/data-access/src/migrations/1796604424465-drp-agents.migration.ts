import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrpAgents1796604424465 implements MigrationInterface {
  name = 'DrpAgents1796604424465';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"drp_agent_token\" (\"id\" uuid NOT NULL, \"agent_id\" character varying(100) NOT NULL, \"token_hash\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_a684f4bef71048eab9de236f2c5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"drp_agent_token_agent_id_idx\" ON \"drp_agent_token\"  (\"agent_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"drp_agent_token_hash_key\" ON \"drp_agent_token\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"drp_agent\" (\"id\" character varying(100) NOT NULL, \"name\" character varying(100) NOT NULL, \"verify_key\" bytea NOT NULL, \"technical_contact\" character varying(254) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"disabled_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_4091209850d73a6819a8c563337\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"drp_agent_token\" ADD CONSTRAINT \"FK_d478c455b359418809abae050aa\" FOREIGN KEY (\"agent_id\") REFERENCES \"drp_agent\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"drp_agent_token\" DROP CONSTRAINT \"FK_d478c455b359418809abae050aa\"");
    await queryRunner.query("DROP TABLE \"drp_agent\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_agent_token_hash_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"drp_agent_token_agent_id_idx\"");
    await queryRunner.query("DROP TABLE \"drp_agent_token\"");
  }
}
