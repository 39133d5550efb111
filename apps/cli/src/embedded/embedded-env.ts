import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { envSchema } from '@rightsdesk/config';

// Variables the demo's data map names besides the app's own configuration.
const DEMO_VARIABLES = ['DEMO_COMPANY_DATABASE_URL', 'DEMO_S3_ENDPOINT', 'DEMO_S3_ACCESS_KEY_ID', 'DEMO_S3_SECRET_ACCESS_KEY'];

/**
 * Writes the settings `start` gave the api and worker to .rightsdesk/env.json (owner-only), so CLI
 * commands run next to it (`request approve`, `datamap plan`) reach the same services. Only the
 * variables the apps read are written, never the whole shell environment.
 */
export async function writeEmbeddedEnv(file: string, env: NodeJS.ProcessEnv): Promise<void> {
  const keys = [...Object.keys(envSchema.shape), ...DEMO_VARIABLES];
  const kept = Object.fromEntries(keys.filter((key) => env[key] !== undefined).map((key) => [key, env[key] as string]));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; an older copy may have been looser.
  await chmod(file, 0o600);
}
