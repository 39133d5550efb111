import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `npm run build` leaves the web app (Vite): dist/apps/web under the directory the processes
 * start in (the repository for `npm start` and tests, /app in the image).
 */
export function webBuildDir(): string {
  return path.resolve(process.cwd(), 'dist/apps/web');
}

/** The app's index.html, read once; null when the web app has not been built. */
export function readWebIndex(dir: string): string | null {
  const file = path.join(dir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
