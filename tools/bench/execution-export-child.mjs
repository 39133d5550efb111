// One subject's access export in a process of its own, so its peak memory is the export's:
// PostgresConnector.access into the real PackageStore part sink, then AccessPackageBuilder.
// Input (argv[2]): JSON { databaseUrl, dataMapPath, email, dir, secretKey (base64) }.
// Output: one JSON line with the RSS right after loading, the peak RSS sampled every 20 ms, the
// kernel's high-water mark (VmHWM), peak JS heap and Buffer memory, rows exported, package size.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { createConnector, emptyIdentities, loadDataMap } = require(path.join(root, 'dist/libs/connectors/src'));
const { AccessPackageBuilder, PackageStore } = require(path.join(root, 'dist/libs/workflow/src/access-package'));

const spec = JSON.parse(process.argv[2]);
const loadedRss = process.memoryUsage().rss;
let peakRss = loadedRss;
// The JS heap and Buffer memory at their highest, to tell garbage not yet collected from data held.
let peakHeapUsed = 0;
let peakArrayBuffers = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
  peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
};
const sampler = setInterval(sample, 20);

const dataMap = await loadDataMap(spec.dataMapPath);
const shop = dataMap.systems.find((system) => system.key === 'shop');
const connector = createConnector(shop, { env: { DEMO_COMPANY_DATABASE_URL: spec.databaseUrl } });
const store = new PackageStore(spec.dir, Buffer.from(spec.secretKey, 'base64'));
const requestId = randomUUID();
const started = performance.now();
const sink = store.partSink(requestId, 'shop');
const context = { requestId, requestType: 'access', hashSalt: Buffer.alloc(32) };
const result = await connector.access({ identities: { ...emptyIdentities(), email: [spec.email] }, keys: {} }, sink, context);
await sink.close();
await connector.close();
const exported = performance.now();
const built = await new AccessPackageBuilder(store).build({
  requestId,
  packageId: randomUUID(),
  reference: 'BENCH-EXPORT',
  companyName: 'Bench Company',
  generatedAt: new Date(),
  language: 'en',
  dataMap,
  systems: [{ system: shop, state: 'done', collections: result.collections.map((c) => ({ collection: c.collection, found: c.found })) }],
  files: () => undefined,
});
const finished = performance.now();
clearInterval(sampler);
sample();
const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
const hwmKb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
await store.deleteRequest(requestId);
process.stdout.write(
  `${JSON.stringify({
    loadedRss,
    peakRss,
    hwmRss: hwmKb * 1024,
    peakHeapUsed,
    peakArrayBuffers,
    rows: result.collections.reduce((sum, c) => sum + c.found, 0),
    packageBytes: built.bytes,
    exportSeconds: (exported - started) / 1000,
    buildSeconds: (finished - exported) / 1000,
  })}\n`,
);
