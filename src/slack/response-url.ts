import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A reply gets this long to be taken; a slower response_url is treated as a network failure (retried). */
const TIMEOUT_MS = 10_000;

// Kept-alive connections, as Slack answers every reply of a busy workspace from the same host. Idle ones are closed
// after 4 s, before a server's usual keep-alive timeout, so a reply is not written to a connection being closed.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 32, timeout: 4_000 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 32, timeout: 4_000 }),
};

/** A response_url that answered other than 2xx; `statusCode` as Bolt's RespondError has it (see respondWithRetry). */
export class ResponseUrlError extends Error {
  constructor(readonly statusCode: number) {
    super(`response_url answered ${statusCode}`);
    this.name = 'ResponseUrlError';
  }
}

/**
 * Posts a message to a command's or action's response_url, as Bolt's respond() does, over node:http(s) with
 * kept-alive connections: Bolt's respond goes through fetch, whose per-request cost was a tenth of the app thread's
 * time during a burst of commands. Resolves once the answer is 2xx; rejects with ResponseUrlError (other statuses)
 * or a network error. https://api.slack.com/interactivity/handling#message_responses
 */
export function postToResponseUrl(responseUrl: string, message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(responseUrl);
    } catch {
      return reject(Object.assign(new Error(`not a response_url: ${responseUrl.slice(0, 100)}`), { statusCode: 400 }));
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject(Object.assign(new Error(`response_url must be http(s), not ${url.protocol}`), { statusCode: 400 }));
    const body = Buffer.from(JSON.stringify(message));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: 'POST', agent: agents[url.protocol], headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length } },
      (res: IncomingMessage) => {
        res.resume();
        res.once('error', reject);
        res.once('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new ResponseUrlError(status));
        });
      },
    );
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`response_url did not answer within ${TIMEOUT_MS / 1000} s`)));
    req.once('error', reject);
    req.end(body);
  });
}
