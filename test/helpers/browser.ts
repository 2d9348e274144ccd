// The headless Chromium every browser test drives (through playwright-core), found without
// apt: the system's chromium when there is one, else the headless Chromium shipped inside
// the npm package @sparticuz/chromium, inflated once into node_modules/.cache. Setting
// PERSIM_TEST_CHROMIUM=npm forces the npm one even where a system chromium exists.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './cli.js';

export interface ChromiumFound {
  source: 'system' | 'npm';
  executablePath: string;
  args: string[];
}

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function findChromium(): Promise<ChromiumFound> {
  if (process.env.PERSIM_TEST_CHROMIUM !== 'npm') {
    const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
    if (system !== undefined) return { source: 'system', executablePath: system, args: SYSTEM_ARGS };
  }
  return npmChromium();
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args });
}

/**
 * @sparticuz/chromium inflates into os.tmpdir() and takes an existing file there as done,
 * so two test files inflating at once (or one killed half-way) could launch a partial
 * binary. Each caller inflates into its own staging folder, which is then renamed into
 * place whole; a caller that loses the race drops its copy.
 */
async function npmChromium(): Promise<ChromiumFound> {
  const pkgDir = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(ROOT, 'node_modules', '.cache');
  const dir = join(cacheRoot, `sparticuz-chromium-${version}`);
  const { default: Chromium } = await import('@sparticuz/chromium');
  const found = (): ChromiumFound => ({ source: 'npm', executablePath: join(dir, 'chromium'), args: [...Chromium.args.filter((a) => a !== '--single-process'), '--disable-gpu'] });
  if (existsSync(join(dir, 'chromium'))) return found();
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(join(cacheRoot, 'sparticuz-staging-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Chromium.executablePath(join(pkgDir, 'bin'));
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw e;
  }
  return found();
}
