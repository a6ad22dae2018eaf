import type { AppContext } from '../context';
import type { SlackMessage } from '../kit/slack/blocks';
import { respondWithRetry } from './respond-with-retry';
import { postToResponseUrl } from './response-url';
import { RequestNotTaken } from './slack-receiver';

type EphemeralReply = { response_type: 'ephemeral'; replace_original?: boolean; text: string; blocks?: unknown[] };

/**
 * Posts to a response_url, retrying network errors, 429 and 5xx with backoff (see respondWithRetry): a reply is
 * worth a few tries rather than being dropped on the first refused connection.
 */
export function replyOn(responseUrl: string): (message: EphemeralReply) => Promise<void> {
  return respondWithRetry((message: EphemeralReply) => postToResponseUrl(responseUrl, message));
}

/**
 * Slack drops a slash command or button click that is not acknowledged within 3 seconds.
 * https://api.slack.com/interactivity/slash-commands#responding_basic_receipt
 *
 * So the ack goes out first, empty, before any database work (the receiver writes the request's receipt meanwhile;
 * ack() returns once it is written, and throws for a replay or a receipt the database refused, in which case the
 * person is told nothing was done), and the answer follows on the request's response_url (good for 30 minutes and 5
 * replies; see replyOn). The work runs through the app's work queue (see WorkQueue) as tracked background work, so
 * shutdown waits for it. If it fails, the person is told so rather than left without a reply, and the error is
 * rethrown so it is logged with its label.
 * https://api.slack.com/interactivity/handling#message_responses
 *
 * Work that has nothing to say (a button whose effect is visible elsewhere) returns undefined and nothing is posted.
 * `replaceOriginal` true replaces the message a button was on; false posts a new ephemeral message and keeps the
 * original; left out, Slack's default applies.
 */
export async function ackThenRespond(
  ctx: Pick<AppContext, 'background' | 'workQueue'>,
  io: { ack: () => Promise<void>; responseUrl: string | undefined; label: string; replaceOriginal?: boolean },
  work: () => Promise<SlackMessage | undefined>,
): Promise<void> {
  const { responseUrl } = io;
  const respond = async (message: EphemeralReply) => {
    // Block actions in a modal or the App Home come without one; nothing here is registered for those.
    if (!responseUrl) throw new Error(`${io.label}: the request has no response_url to answer on`);
    await replyOn(responseUrl)(message);
  };
  const replace = io.replaceOriginal === undefined ? {} : { replace_original: io.replaceOriginal };
  try {
    await io.ack();
  } catch (error) {
    // Answered, but not to be acted on: a replay is dropped quietly; a request the database could not record is
    // one the person should send again.
    if (error instanceof RequestNotTaken && error.reason === 'not-recorded') {
      ctx.background(`${io.label}: not recorded`, () => respond({ response_type: 'ephemeral', ...replace, text: NOT_RECORDED }));
    }
    throw error;
  }
  ctx.background(io.label, async () => {
    let message: SlackMessage | undefined;
    try {
      message = await ctx.workQueue.run(work);
    } catch (error) {
      await respond({ response_type: 'ephemeral', ...replace, text: FAILED });
      throw error;
    }
    if (message === undefined) return;
    await respond({ response_type: 'ephemeral', ...replace, text: message.text, blocks: message.blocks });
  });
}

const NOT_RECORDED = 'Sorry, podbot could not take that just now (its database did not answer), so nothing was done. Please try again in a minute.';
const FAILED = 'Sorry, that did not work: podbot hit an error and has logged it. Please try again in a minute.';
