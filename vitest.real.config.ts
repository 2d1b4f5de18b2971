import { defineConfig } from 'vitest/config';

// The real-server tier: the E2E build in Chromium against llama.cpp's own llama-server
// (tests/real-server). One file at a time; the long-prompt test reads thousands of tokens on CPU.
export default defineConfig({
  test: {
    include: ['tests/real-server/**/*.real.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
