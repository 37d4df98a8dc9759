/**
 * What every browser test starts with: a fresh harness on its own state folder (loopback, a free
 * port) and Debian's Chromium; `close` stops both and removes the folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { userScope } from '../../emulator/services/properties/properties-store';
import { DEFAULT_SIM_KEY } from '../../emulator/sim/gemini';
import { startHarness, type Harness } from '../../scripts/harness/server';
import { API_KEY_PROPERTY } from '../../src/server/settings/store';
import { launchChromium } from './chromium';

export interface BrowserHarness {
  harness: Harness;
  browser: Browser;
  close(): Promise<void>;
}

export async function openBrowserHarness(
  prefix: string,
  options: { demo?: boolean; savedKey?: boolean } = {},
): Promise<BrowserHarness> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const harness = await startHarness({
    port: 0,
    stateDir,
    fresh: true,
    buildDir: 'build',
    ...(options.demo ? { demo: true } : {}),
  });
  // Jenny saved her Gemini key in Settings earlier (the simulator accepts DEFAULT_SIM_KEY).
  if (options.savedKey) {
    harness.world.properties.seed(userScope(harness.world.defaultUser), {
      [API_KEY_PROPERTY]: DEFAULT_SIM_KEY,
    });
  }
  const browser = await launchChromium();
  return {
    harness,
    browser,
    close: async () => {
      await browser.close();
      await harness.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
