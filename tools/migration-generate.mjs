// Generates a timestamped, reversible TypeORM migration from the difference between the entities
// and the schema the existing migrations produce. Runs against a throwaway PostgreSQL it starts
// itself (or DATABASE_URL, which must point at a scratch database).
//   npm run build && npm run migration:generate -- AddOfficerAccounts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const { DataSource } = require('typeorm');
const { ENTITIES } = require(path.join(root, 'dist/libs/data-access/src/entities'));
const { MIGRATIONS } = require(path.join(root, 'dist/libs/data-access/src/migrations'));

let url = process.env.DATABASE_URL;
let server;
let dir;
if (!url) {
  const { startPostgres } = require(path.join(root, 'dist/libs/local-services/src'));
  dir = await mkdtemp(path.join(tmpdir(), 'rightsdesk-migration-'));
  server = await startPostgres({ dataDir: path.join(dir, 'data'), mode: 'ephemeral' });
  url = server.url;
}
const dataSource = new DataSource({ type: 'postgres', url, entities: ENTITIES, migrations: MIGRATIONS });
try {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities match the migrations.');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (query) => `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`;
    const file = path.join(root, 'libs/data-access/src/migrations', `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`);
    await writeFile(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(q).join('\n')}
  }
}
`,
    );
    console.log(`Wrote ${path.relative(root, file)}; add it to libs/data-access/src/migrations/index.ts.`);
  }
} finally {
  await dataSource.destroy().catch(() => undefined);
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
