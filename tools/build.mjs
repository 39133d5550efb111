// Compiles apps/*/src (but the web app, which Vite bundles) and libs/*/src with swc into dist/, rewriting @rightsdesk/* imports to
// relative paths so `node dist/apps/<app>/src/main.js` runs with plain Node. Type-checking is
// `npm run typecheck` (tsc); swc only strips types, which keeps the build a few seconds long.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const out = path.join(root, 'dist');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|test|d)\.ts$/.test(entry.name)) yield full;
  }
}

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
const options = swcOptions({ rewritePaths: true });
for (const group of ['apps', 'libs']) {
  for (const project of await readdir(path.join(root, group), { withFileTypes: true })) {
    // The web app is bundled by Vite (apps/web/vite.config.mjs), not compiled file by file.
    if (!project.isDirectory() || (group === 'apps' && project.name === 'web')) continue;
    const src = path.join(root, group, project.name, 'src');
    try {
      await readdir(src);
    } catch {
      continue;
    }
    for await (const file of sources(src)) {
      const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
      count += 1;
    }
  }
}
console.log(`build: ${count} files compiled into dist/ in ${Date.now() - started} ms`);
