// Run under valgrind by bench/instructions.mjs: `count` sends of subject `a` or `b`, one in flight,
// against a sink of its own (a child process, which valgrind does not trace).
import process from 'node:process';
import { startSinkProcess } from './sink-client.mjs';
import { createAuthMailerSubject, createNodemailerPoolSubject, runSends } from './subjects.mjs';

const [which, count] = process.argv.slice(2);
const sink = await startSinkProcess({});
const subject = which === 'a' ? createAuthMailerSubject(sink.ports.plain) : await createNodemailerPoolSubject(sink.ports.plain);
await runSends(subject, Number(count), 1);
await subject.close();
await sink.close();
