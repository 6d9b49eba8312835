#!/usr/bin/env node
/**
 * The `auth-mailer` executable: runs the command line and sets the exit code.
 *
 * @module
 */
import { runCli } from './run-cli.js';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
