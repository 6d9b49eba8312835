// Prints the plain CI summary line `N passed, M failed` from vitest's JSON report, and exits
// non-zero when a test failed, a test file failed to run, or, under CI (CI set to any non-empty
// value, as the tests read it), when any test was skipped or left as a todo: CI must prove every
// test it counts, the real-MTA and SpamAssassin ones included.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? '.vitest-results.json';
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error(`No test report at ${reportPath}: the tests did not run (see the output above).`);
  process.exit(1);
}
const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = report;
const skipped = numPendingTests + numTodoTests;
console.log(`${numPassedTests} passed, ${numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);

let status = numFailedTests > 0 ? 1 : 0;
if (report.success === false && numFailedTests === 0) {
  console.error('A test file failed to run (see the output above): its tests are not counted.');
  status = 1;
}
if (skipped > 0 && process.env.CI) {
  const names = (report.testResults ?? [])
    .flatMap((file) => file.assertionResults ?? [])
    .filter((test) => test.status !== 'passed' && test.status !== 'failed')
    .map((test) => `  - ${test.fullName} (${test.status})`);
  console.error(
    [
      `${skipped} test(s) skipped under CI: CI must run every test. Install what they need (see .ci/run) ` +
        'or make them fail with the reason, never skip:',
      ...names,
    ].join('\n'),
  );
  status = 1;
}
process.exit(status);
