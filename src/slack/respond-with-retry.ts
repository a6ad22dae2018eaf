import { setTimeout as sleep } from 'node:timers/promises';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wraps Bolt's respond, whatever its exact signature
type Respond = (message: any) => Promise<any>;

/**
 * Replies through a command's or action's response_url, retrying transient failures (network errors, 429, 5xx)
 * with backoff. A response_url lives 30 minutes and takes 5 replies, so a reply is worth a few tries rather than
 * being dropped on the first refused connection. https://api.slack.com/interactivity/handling#message_responses
 */
export function respondWithRetry<F extends Respond>(respond: F, { attempts = 4, baseDelayMs = 250 } = {}): F {
  return (async (message: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await respond(message);
      } catch (error) {
        // Bolt's RespondError carries the HTTP status as statusCode; network failures have none.
        const status = (error as { statusCode?: number }).statusCode;
        const transient = status === undefined || status === 429 || status >= 500;
        if (!transient || attempt >= attempts) throw error;
        await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }) as F;
}
