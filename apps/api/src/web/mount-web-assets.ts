import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { webBuildDir } from './web-build';

/** The web app's scripts, styles and images: fingerprinted by Vite, so cached for a year. */
export async function mountWebAssets(app: NestFastifyApplication): Promise<void> {
  const assets = path.join(webBuildDir(), 'assets');
  if (!existsSync(assets)) {
    return;
  }
  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
  });
}
