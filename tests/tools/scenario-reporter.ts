/**
 * Prints the fault and security table (scenario, expected, observed, figure, result) after an E2E
 * run and writes it to test-results/scenarios.json. Rows come from tests marked with
 * `scenario()` (tests/e2e/support/scenario.ts); tests without the mark are not rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestCase } from 'vitest/node';
import type { ScenarioMeta } from '../e2e/support/scenario';

interface Row extends ScenarioMeta {
  file: string;
  scenario: string;
  result: 'pass' | 'FAIL' | 'skipped';
}

const clip = (text: string, width: number) =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

export default class ScenarioReporter implements Reporter {
  private rows: Row[] = [];

  onTestCaseResult(test: TestCase): void {
    const meta = test.meta().scenario;
    if (!meta) return;
    const state = test.result().state;
    const error = test.result().errors?.[0]?.message?.split('\n')[0];
    this.rows.push({
      file: test.module.moduleId.split('/').pop() ?? '',
      scenario: test.name,
      expected: meta.expected,
      observed: meta.observed ?? (state === 'passed' ? 'as expected' : (error ?? state)),
      figure: meta.figure ?? '',
      result: state === 'passed' ? 'pass' : state === 'failed' ? 'FAIL' : 'skipped',
    });
  }

  onTestRunEnd(): void {
    if (this.rows.length === 0) return;
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/scenarios.json', JSON.stringify(this.rows, null, 2));
    const widths = { scenario: 58, expected: 46, observed: 30, figure: 34 };
    const line = (r: Record<keyof typeof widths | 'result', string>) =>
      `${clip(r.scenario, widths.scenario)} | ${clip(r.expected, widths.expected)} | ${clip(
        r.observed,
        widths.observed,
      )} | ${clip(r.figure, widths.figure)} | ${r.result}`;
    const out = [
      '',
      'Fault and security scenarios (full text: test-results/scenarios.json)',
      line({
        scenario: 'scenario',
        expected: 'expected',
        observed: 'observed',
        figure: 'figure',
        result: 'result',
      }),
      '-'.repeat(190),
      ...this.rows.map((r) =>
        line({ ...r, observed: r.observed ?? '', figure: r.figure ?? '', result: r.result }),
      ),
      `${this.rows.filter((r) => r.result === 'pass').length} of ${this.rows.length} scenarios pass`,
      '',
    ];
    console.log(out.join('\n'));
  }
}
