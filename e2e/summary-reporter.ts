import type { FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

/**
 * Prints one plain closing line, "N passed, N failed" (", N skipped" when any), alone on a
 * line, for CI parsers. A flaky test (failed, then passed on retry) counts as passed and is
 * named on its own line; errors outside any test (a server that never started) are too.
 */
export default class SummaryReporter implements Reporter {
  private root?: Suite;
  private outsideErrors = 0;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onError(_error: TestError) {
    this.outsideErrors++;
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const flaky: string[] = [];
    for (const test of this.root?.allTests() ?? []) {
      switch (test.outcome()) {
        case 'expected':
          passed++;
          break;
        case 'flaky':
          passed++;
          flaky.push(test.titlePath().filter(Boolean).join(' › '));
          break;
        case 'unexpected':
          failed++;
          break;
        case 'skipped':
          skipped++;
          break;
      }
    }
    const lines: string[] = [''];
    for (const title of flaky) lines.push(`flaky (passed on retry): ${title}`);
    if (this.outsideErrors > 0 || (result.status !== 'passed' && failed === 0))
      lines.push(`e2e run ${result.status}: ${this.outsideErrors} error(s) outside tests (see above)`);
    lines.push(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
    console.log(lines.join('\n'));
  }

  printsToStdio() {
    return true;
  }
}
