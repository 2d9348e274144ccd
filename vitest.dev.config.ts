import { defineConfig } from 'vitest/config';
export default defineConfig({ define: { __PERSIM_VERSION__: '"0.1.0"' }, test: { include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'], testTimeout: 120000 } });
