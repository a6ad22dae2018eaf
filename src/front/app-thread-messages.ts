// What the main thread and the app thread say to each other, and how a start-up error crosses between them: a
// worker's postMessage keeps an Error's message but not its class, and `podbot start` reports a configuration
// problem or a database it cannot reach (exit 2) differently from a failure (exit 1).
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError, type Problem } from '../config/problems';
import { DatabaseStartError } from '../db/start-errors';

export interface AppThreadData {
  env: NodeJS.ProcessEnv;
}

/** A log line of the main thread's, written by the app thread's logger (one format, one redaction). */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

export type ToAppThread =
  | { type: 'stop'; reason: string }
  | ({ type: 'log' } & LogLine)
  /** How long the front door took to answer Slack's requests since the last such message, in seconds. */
  | { type: 'slack-acks'; seconds: number[] }
  /**
   * A signed command or click the front door acknowledged: its headers and body, unchanged (the body's bytes are
   * transferred, not copied).
   */
  | { type: 'slack-request'; headers: IncomingHttpHeaders; body: ArrayBuffer };

/** What the front door needs from the configuration, read by the app thread (the main thread loads no schema). */
export interface FrontSettings {
  /** PORT: where the front door listens. */
  port: number;
  signingSecret?: string;
  intakeBufferBytes: number;
}

export type FromAppThread =
  | { type: 'listening'; port: number; metricsPort?: number; front: FrontSettings }
  | { type: 'stopped' }
  | { type: 'failed'; error: SerializedError };

export type SerializedError =
  | { kind: 'config'; problems: Problem[]; source: string }
  | { kind: 'database'; message: string; exitCode: number }
  | { kind: 'other'; message: string; code?: string; stack?: string };

export function serializeStartError(error: unknown): SerializedError {
  if (error instanceof ConfigError) return { kind: 'config', problems: error.problems, source: error.source };
  if (error instanceof DatabaseStartError) return { kind: 'database', message: error.message, exitCode: error.exitCode };
  const e = error as { message?: unknown; code?: unknown; stack?: unknown } | undefined;
  return {
    kind: 'other',
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.stack === 'string' ? { stack: e.stack } : {}),
  };
}

export function deserializeStartError(error: SerializedError): Error {
  if (error.kind === 'config') return new ConfigError(error.problems, error.source);
  if (error.kind === 'database') return new DatabaseStartError(error.message, error.exitCode);
  const out = new Error(error.message) as Error & { code?: string };
  if (error.code) out.code = error.code;
  if (error.stack) out.stack = error.stack;
  return out;
}
