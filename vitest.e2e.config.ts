import { defineConfig } from 'vitest/config';

// The Chromium tier: the built extension (`npm run build:e2e`) in Debian's headless Chromium.
// Files run one at a time: two Chromiums on two cores make timing-sensitive tests flaky.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
