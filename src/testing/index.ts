/**
 * Test helpers for code that sends auth emails: a transport that captures messages in memory,
 * and an in-process SMTP server for integration tests.
 *
 * @module
 */
export { MemoryTransport } from './memory-transport.js';
export type { SendStall, WaitForOptions } from './memory-transport.js';
export type { MessageMatcher, MessageQuery } from './message-matcher.js';
export { startSmtpSink } from './smtp-sink.js';
export type {
  ReceivedMessage,
  ReceivedMessageMatcher,
  ReceivedMessageQuery,
  SinkConfig,
  SinkCredentials,
  SinkHookResult,
  SinkReply,
  SinkSession,
  SinkWaitOptions,
  SmtpSink,
  SmtpSinkOptions,
} from './smtp-sink.js';
