import { test as base } from '@playwright/test';
import { type Harness, launch } from './harness';

export { expect } from '@playwright/test';

/** Every test gets a fresh browser profile with the extension and its own Linkup mock. */
export const test = base.extend<{ ext: Harness }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  ext: async ({}, use) => {
    const harness = await launch();
    await use(harness);
    await harness.close();
  },
});
