import { defineConfig } from 'vitest/config';

// Benchmarks: the built extension in headless Chromium, printing their figures and writing JSON to
// bench/results. They assert nothing about time (machines differ); the figures are the output.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
