// The baseline's consumer, in a process of its own like the real worker: BullMQ workers with no-op
// processors on the queues an execution flow uses, with the real worker's concurrency settings.
// Input (argv[2]): JSON { redisUrl, prefix, queues: [{ name, concurrency, global? }] }.
// Prints "ready" once every worker is connected; exits on SIGTERM after closing them.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { Queue, Worker } = require(path.join(root, 'node_modules/bullmq'));

const spec = JSON.parse(process.argv[2]);
const connection = { url: spec.redisUrl, maxRetriesPerRequest: null };
const workers = [];
for (const { name, concurrency, global } of spec.queues) {
  if (global) {
    // As the real worker's SystemQueues does for each data map system.
    const queue = new Queue(name, { connection, prefix: spec.prefix });
    await queue.setGlobalConcurrency(concurrency);
    await queue.close();
  }
  const worker = new Worker(name, async () => undefined, { connection, prefix: spec.prefix, concurrency });
  worker.on('error', (error) => console.error(`raw worker ${name}: ${error.message}`));
  await worker.waitUntilReady();
  workers.push(worker);
}
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  process.exit(0);
});
