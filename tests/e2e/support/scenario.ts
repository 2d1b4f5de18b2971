/**
 * Marks an E2E test as a row of the fault and security table (issue 8). The test's name is the
 * scenario; the reporter (tests/tools/scenario-reporter.ts) takes pass/fail from the test itself,
 * so a row can never claim a pass its assertions did not earn.
 */
import type { TestContext } from 'vitest';

export interface ScenarioMeta {
  expected: string;
  observed?: string;
  figure?: string;
}

declare module 'vitest' {
  interface TaskMeta {
    scenario?: ScenarioMeta;
  }
}

export interface ScenarioRow {
  /** What the user should find afterwards ("nothing lost" state, or what was refused). */
  expected: string;
  observed(text: string): void;
  /** A number worth reading in the table: characters lost, hits, payloads tried. */
  figure(text: string): void;
}

export function scenario(ctx: TestContext, expected: string): ScenarioRow {
  const meta: ScenarioMeta = { expected };
  ctx.task.meta.scenario = meta;
  return {
    expected,
    observed: (text) => {
      meta.observed = text;
    },
    figure: (text) => {
      meta.figure = text;
    },
  };
}
