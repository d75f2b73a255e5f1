/**
 * A tiny serial test runner for the Firefox tests: a browser launch costs seconds, so a
 * suite shares one browser across ordered steps. When a step fails, the rest of its suite is
 * skipped (each depends on the ones before), and the suite's teardown still runs.
 */

export interface Step<C> {
  name: string;
  run: (ctx: C) => Promise<void>;
  timeoutMs: number;
}

export interface Suite<C> {
  name: string;
  setup: () => Promise<C>;
  teardown: (ctx: C) => Promise<void>;
  steps: Step<C>[];
}

// biome-ignore lint/suspicious/noExplicitAny: suites of different contexts share the registry
const suites: Suite<any>[] = [];

export function suite<C>(
  name: string,
  setup: () => Promise<C>,
  teardown: (ctx: C) => Promise<void>,
): { step: (name: string, run: (ctx: C) => Promise<void>, timeoutMs?: number) => void } {
  const s: Suite<C> = { name, setup, teardown, steps: [] };
  suites.push(s);
  return {
    step: (stepName, run, timeoutMs = 60_000) => {
      s.steps.push({ name: stepName, run, timeoutMs });
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  if (error instanceof Error)
    return (error.stack ?? error.message).split('\n').slice(0, 12).join('\n');
  return String(error);
}

export async function runAll(filter?: string): Promise<number> {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const s of suites) {
    const steps = s.steps.filter((st) => !filter || `${s.name} ${st.name}`.includes(filter));
    if (steps.length === 0) continue;
    console.log(`\n${s.name}`);
    let ctx: unknown;
    let broken: string | null = null;
    const setupStart = Date.now();
    try {
      ctx = await withTimeout(s.setup(), 60_000, 'setup');
      console.log(`  · setup (${Date.now() - setupStart} ms)`);
    } catch (error) {
      broken = 'setup';
      failed++;
      console.log(`  ✗ setup (${Date.now() - setupStart} ms)\n${indent(message(error))}`);
    }
    for (const st of steps) {
      if (broken) {
        skipped++;
        console.log(`  - ${st.name} (skipped: ${broken} failed)`);
        continue;
      }
      const t0 = Date.now();
      try {
        await withTimeout(st.run(ctx), st.timeoutMs, st.name);
        passed++;
        console.log(`  ✓ ${st.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        broken = `"${st.name}"`;
        console.log(`  ✗ ${st.name} (${Date.now() - t0} ms)\n${indent(message(error))}`);
      }
    }
    if (ctx !== undefined) {
      try {
        await withTimeout(s.teardown(ctx), 30_000, 'teardown');
      } catch (error) {
        console.log(`  ! teardown failed\n${indent(message(error))}`);
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nFirefox tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${seconds} s)`,
  );
  return failed + skipped > 0 || passed === 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
