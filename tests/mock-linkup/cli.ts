/**
 * `npm run mock-api [-- --port 47831 --latency 300 --credits 4825]`
 *
 * Runs the Linkup mock on 127.0.0.1 until SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_ACCOUNTS,
  DEFAULT_CREDITS,
  DEFAULT_KEYS,
  DEFAULT_MOCK_PORT,
  MOCK_JOBS,
  startMockLinkup,
} from './server';

const USAGE = `Usage: npm run mock-api -- [--port N] [--latency MS] [--credits N]

  --port     port on 127.0.0.1 (default ${DEFAULT_MOCK_PORT}; 0 picks a free one)
  --latency  delay every API answer by MS milliseconds (default 0)
  --credits  starting credit balance (default ${DEFAULT_CREDITS})`;

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be an integer >= 0, got ${JSON.stringify(value)}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values: { port?: string; latency?: string; credits?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p' },
        latency: { type: 'string', short: 'l' },
        credits: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = intOption(values.port, 'port', DEFAULT_MOCK_PORT);
  const latencyMs = intOption(values.latency, 'latency', 0);
  const credits = intOption(values.credits, 'credits', DEFAULT_CREDITS);

  // `warm` generates every seeded job up front so the first pages answer at full speed.
  const warmStart = performance.now();
  let mock: Awaited<ReturnType<typeof startMockLinkup>>;
  try {
    mock = await startMockLinkup({ port, latencyMs, credits, warm: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use; pass --port <another> (or 0 for any free port).`
        : `Could not start the mock: ${(err as Error).message}`,
    );
    process.exit(1);
  }
  const warmMs = Math.round(performance.now() - warmStart);

  const lines = [
    `Linkup mock listening on ${mock.url}`,
    `  latency ${latencyMs} ms, ${credits} credits`,
    '',
    `API keys (x-api-key): ${DEFAULT_KEYS.join(', ')}`,
    'Accounts:',
    ...DEFAULT_ACCOUNTS.map(
      (a) =>
        `  ${a.account_id.padEnd(14)} ${a.status.padEnd(13)} ${a.active === false ? 'answers 403 ACCOUNT_INACTIVE' : 'use this one'}`,
    ),
    '',
    `Seeded jobs (generated in ${warmMs} ms; any other numeric job ID has 0 applicants):`,
    ...Object.entries(MOCK_JOBS).map(
      ([name, job]) =>
        `  ${job.jobId}  ${String(job.size).padStart(6)}  ${name.padEnd(9)} ${job.note}`,
    ),
    '',
    'Endpoints: POST /v2/recruiter, GET /v2/credits, GET /v2/accounts',
    'Control:   GET /__mock/state, GET|DELETE /__mock/requests, POST|DELETE /__mock/faults,',
    '           POST /__mock/credits {credits}, POST /__mock/jobs {job_id, total}, POST /__mock/reset',
    '',
    'Try:',
    `  curl -s ${mock.url}/v2/credits -H 'x-api-key: ${DEFAULT_KEYS[0]}'`,
    `  curl -s ${mock.url}/v2/recruiter -H 'x-api-key: ${DEFAULT_KEYS[0]}' -H 'content-type: application/json' \\`,
    `    -d '{"account_id":"${DEFAULT_ACCOUNTS[0]?.account_id}","action":"get_candidates","params":{"job_id":"${MOCK_JOBS.demo.jobId}","count":10,"offset":0}}'`,
    '',
    'Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Linkup mock…`);
    mock.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
