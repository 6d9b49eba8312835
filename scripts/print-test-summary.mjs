// Prints the plain CI summary line `N passed, M failed` from vitest's JSON report.
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
process.exit(numFailedTests > 0 ? 1 : 0);
