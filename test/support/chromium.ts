import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium), which the browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests run: wherever Chromium is installed, and always under CI, where a missing
 * Chromium fails at launch instead of passing silently.
 */
export const runBrowserTests = existsSync(CHROMIUM) || !!process.env.CI;
if (!existsSync(CHROMIUM))
  console.warn(
    `browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium). Under CI (CI set) they fail instead.`,
  );

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** test-artifacts/<name>/, made if missing: where a test's screenshots go. */
export function artifactsDir(name: string): string {
  const dir = join(process.cwd(), 'test-artifacts', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
