/** Shared helpers for the benchmarks: statistics, a results table, and the JSON they write. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `text` cut into pieces of `size` characters: a stream's chunks as a server might send them. */
export function chunksOf(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size),
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export type Row = Record<string, string | number>;

/** Prints a table and writes `bench/results/<name>.json`. */
export function report(name: string, rows: Row[]): void {
  console.log(`\n${name}`);
  console.table(rows);
  const dir = path.resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ name, at: new Date().toISOString(), rows }, null, 2),
  );
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
