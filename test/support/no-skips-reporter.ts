// Under CI a skipped test is a failure: a suite that could not run (no PostgreSQL, no Chromium)
// must not pass silently.
import type { Reporter, TestModule } from "vitest/node";

export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests("skipped")) skipped.push(test.fullName);
    }
    if (skipped.length > 0) {
      console.error(`\nCI: ${skipped.length} skipped test(s) count as failures:`);
      for (const name of skipped) console.error(`  - ${name}`);
      process.exitCode = 1;
    }
  }
}
