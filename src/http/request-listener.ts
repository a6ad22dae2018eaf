import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errorSummary } from '../errors';
import type { Metrics } from '../metrics';
import { observeRequest } from './request-log';
import { sendJson, type Router } from './router';

/**
 * The server's one request listener. Whatever a request holds (a malformed percent-escape, an absolute-form request
 * line with an impossible port, a handler that throws), it gets an answer and the process keeps running: an
 * exception thrown inside Node's request callback would otherwise end the process.
 *
 * - malformed URL or path escapes: 400
 * - unknown path: 404; known path, other method: 405
 * - /api/*: 404 without PODBOT_API_TOKEN; 401 unless `Authorization: Bearer <token>` (compared in constant time)
 * - an error with a 4xx/5xx `status` (body too large, budget spent, bad input): that status and its message
 * - anything else: 500, logged with the path
 */
export function createRequestListener(deps: {
  router: Router;
  metrics: Metrics;
  log: Logger;
  apiToken?: string;
  /** Keeps the handler's promise until it settles, so shutdown can wait for requests in progress. */
  track: (work: Promise<unknown>) => void;
}): RequestListener {
  const { router, metrics, log } = deps;
  const expectedAuth = deps.apiToken ? digest(`Bearer ${deps.apiToken}`) : undefined;

  function fail(res: ServerResponse, status: number, message: string) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // The request body may be unread (refused before reading it): close the connection rather than read it.
    if (status === 401 || status === 413 || status === 503) res.setHeader('connection', 'close');
    if (status === 503) res.setHeader('retry-after', '5');
    sendJson(res, status, { ok: false, error: message });
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = parseRequestUrl(req.url);
    if (!url) {
      observeRequest(req, res, 'unmatched', { log, metrics });
      return fail(res, 400, 'malformed request URL');
    }
    let found: ReturnType<Router['match']>;
    try {
      found = router.match(req.method ?? 'GET', url.pathname);
    } catch (error) {
      observeRequest(req, res, 'unmatched', { log, metrics });
      return fail(res, 400, (error as Error).message);
    }
    const routeName = found && found !== 'method-not-allowed' ? found.route.path : 'unmatched';
    // One log line with a request id, the request counter and the latency histogram, when the answer is finished.
    observeRequest(req, res, routeName, { log, metrics });
    if (!found) return sendJson(res, 404, { ok: false, error: `no route for ${req.method} ${url.pathname}` });
    if (found === 'method-not-allowed') return sendJson(res, 405, { ok: false, error: `${req.method} is not allowed on ${url.pathname}` });
    if (found.route.api) {
      // /api/* exists only when PODBOT_API_TOKEN is set; otherwise it is indistinguishable from a missing route.
      if (!expectedAuth) return sendJson(res, 404, { ok: false, error: `no route for ${req.method} ${url.pathname}` });
      if (!sameDigest(digest(req.headers.authorization ?? ''), expectedAuth)) {
        return fail(res, 401, 'send Authorization: Bearer <PODBOT_API_TOKEN>');
      }
    }
    const route = found;
    const work = Promise.resolve()
      .then(() => route.route.handler({ req, res, url, params: route.params }))
      .catch((error) => {
        const status = (error as { status?: unknown }).status;
        if (typeof status === 'number' && status >= 400 && status < 600 && status !== 500) return fail(res, status, (error as Error).message);
        log.error({ err: errorSummary(error), path: url.pathname }, 'http: request failed');
        fail(res, 500, 'internal error');
      });
    deps.track(work);
  }

  return (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      log.error({ err: errorSummary(error), url: String(req.url).slice(0, 200) }, 'http: request listener failed');
      try {
        fail(res, 500, 'internal error');
      } catch {
        res.destroy();
      }
    }
  };
}

/**
 * The request target as a URL, or undefined when it is not one: origin-form (`/path?q`) and absolute-form
 * (`http://host:port/path`, which proxies send) are accepted; `new URL` throws on e.g. a port above 65535.
 */
function parseRequestUrl(target: string | undefined): URL | undefined {
  try {
    const url = new URL(target || '/', 'http://podbot.local');
    return url;
  } catch {
    return undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Equal-length digests compared in constant time, so the comparison's duration says nothing about the token. */
function sameDigest(a: Buffer, b: Buffer): boolean {
  return timingSafeEqual(a, b);
}
