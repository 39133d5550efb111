// The privacy center and the officers' console, one single-page app served by the api from
// dist/apps/web (npm start and production alike). No third-party resource is loaded at run time,
// so the api's strict Content-Security-Policy holds: scripts and styles come from this origin only.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // The browser shares the intake rules with the server (same zod schema, same error codes), from
    // the part of libs/domain that runs in a browser.
    alias: { '@rightsdesk/domain': path.resolve(root, '../../libs/domain/src/browser.ts') },
  },
  build: {
    outDir: path.resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // One request for the whole app is fine at this size; no inline scripts (CSP).
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      // The download page is the app's (GET); only its form POST goes to the api.
      '/requests/download': { target: 'http://localhost:3000', bypass: (req) => (req.method === 'GET' ? '/index.html' : undefined) },
      '/admin': 'http://localhost:3000',
    },
  },
});
