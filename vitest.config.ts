import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tier only: browser-free lib/ code plus components under happy-dom (opt in per file with
// `// @vitest-environment happy-dom`). The Chromium tier lives in tests/e2e with its own runner.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
