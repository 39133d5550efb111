// Load generator, run as its own process so it does not share an event loop with the server.
// Input (argv[2]): JSON { url, method, body?: 'intake', connections, durationSeconds }.
// Output: one JSON line with requests/s, p99 latency and status counts.
const autocannon = require('autocannon');

const spec = JSON.parse(process.argv[2]);
let sequence = 0;
const countries = [['DE'], ['FR'], ['US', 'CA'], ['GB'], ['US', 'VA'], ['BR']];

function intakeBody() {
  sequence += 1;
  const [country, region] = countries[sequence % countries.length];
  return JSON.stringify({
    type: sequence % 2 === 0 ? 'access' : 'erasure',
    email: `bench-${process.pid}-${sequence}@example.com`,
    name: 'Bench Person',
    country,
    ...(region ? { region } : {}),
  });
}

const statuses = {};
const instance = autocannon(
  {
    url: spec.url,
    method: spec.method,
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => (spec.body === 'intake' ? { ...request, body: intakeBody() } : request),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(
      `${JSON.stringify({ requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, total: result.requests.total, errors: result.errors, timeouts: result.timeouts, statuses })}\n`,
    );
  },
);
process.once('SIGINT', () => instance.stop());
