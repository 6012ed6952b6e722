// Under CI a skipped test is a failure: a suite that could not run (no PostgreSQL, no Chromium)
// must not pass silently. It also prints the plain "N passed, N failed" closing line.
import type { Reporter, TestModule } from "vitest/node";

export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    let passed = 0;
    let failed = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else if (state === "skipped") skipped.push(test.fullName);
      }
    }
    if (skipped.length > 0) {
      console.error(`\nCI: ${skipped.length} skipped test(s) count as failures:`);
      for (const name of skipped) console.error(`  - ${name}`);
      process.exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed + skipped.length} failed`);
  }
}
