/** A loggable summary of any error, without request objects (which can hold tokens). */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; data?: { error?: unknown }; original?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: e.message };
  if (e.code !== undefined) out.code = e.code;
  if (e.status !== undefined) out.status = e.status;
  if (e.data?.error !== undefined) out.slackError = e.data.error;
  if (e.original instanceof Error) out.cause = errorSummary(e.original);
  else if (e.cause instanceof Error) out.cause = errorSummary(e.cause);
  if (e.stack) out.stack = e.stack.split('\n').slice(0, 6).join('\n');
  return out;
}

/** Thrown by webhook handlers when a payload lacks what they need: the endpoint answers 400 with the message. */
export class InvalidPayloadError extends Error {
  readonly code = 'INVALID_PAYLOAD';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPayloadError';
  }
}
