/**
 * Debian's Chromium for every browser test (no browser download is possible here): one path, one
 * set of flags, one skip rule. Browser tests are skipped — with a visible notice — only where no
 * Chromium exists and CI is not set; under CI a missing Chromium fails the launch instead.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Root needs no sandbox; no GPU here; and no background calls to Google on a closed network. */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export const skipBrowserTests = !fs.existsSync(chromiumPath) && !process.env.CI;
if (skipBrowserTests) console.warn(`\n⚠ browser tests SKIPPED — no Chromium at ${chromiumPath} (apt-get install chromium). CI never skips.\n`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
