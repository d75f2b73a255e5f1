/**
 * `npm run test:firefox [-- <filter>]`: the add-on in a real Firefox (Debian's firefox-esr).
 * Needs `npm run build:firefox` first. FIREFOX_PATH overrides the browser, HEADFUL=1 shows it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_BUILD, FIREFOX_PATH } from './harness';
import { runAll } from './runner';

if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
  console.error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}
if (!existsSync(FIREFOX_PATH)) {
  console.error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  process.exit(1);
}

for (const file of readdirSync(import.meta.dirname).sort()) {
  if (file.endsWith('.ff.ts')) await import(join(import.meta.dirname, file));
}
process.exit(await runAll(process.argv[2]));
