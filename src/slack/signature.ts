// Slack's request signature (v0), checked by the Slack receiver and by the front door (src/front/), which
// acknowledges commands before the app has seen them.
// https://api.slack.com/authentication/verifying-requests-from-slack
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Longest slash-command text handed to a listener: Slack's own cap on a message's text. Longer text (a pasted file)
 * is no command anyone typed, and parsing, matching and echoing it would only cost event-loop time.
 * https://api.slack.com/methods/chat.postMessage#truncating
 */
export const MAX_COMMAND_TEXT = 40_000;

/** Slack's window for a request's timestamp, both ways. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** Why the signature headers cannot be right before the body is read; undefined when they may be. */
export function signatureHeadersProblem(signature: string, timestamp: string, nowSeconds: number): string | undefined {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_S) return 'x-slack-request-timestamp is not within 5 minutes of now';
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return 'malformed x-slack-signature';
  return undefined;
}

/** True when `signature` (v0=…, already well-formed) signs `timestamp` and `raw` with `secret`; constant time. */
export function signatureMatches(secret: string, timestamp: string, signature: string, raw: Buffer): boolean {
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest();
  return timingSafeEqual(Buffer.from(signature.slice(3), 'hex'), expected);
}
