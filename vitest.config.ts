import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { __PERSIM_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    // Both cores: vitest's default keeps one core free, which on this 2-core machine runs the
    // files one at a time (about 250 s instead of about 150 s).
    maxWorkers: 2,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    // The JSON report is what .ci/run reads to print its "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
