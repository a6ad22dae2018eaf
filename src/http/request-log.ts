// Every HTTP request: one log line and one latency observation when the response is finished, under a request id
// the response also carries (X-Request-Id; a proxy's own id is kept). Slack's and GitHub's ids for the delivery
// are added, so a log line can be matched with Slack's or GitHub's record of it.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics';

const fieldsKey = Symbol('podbot.requestLogFields');
type Annotated = IncomingMessage & { [fieldsKey]?: Record<string, unknown> };

/** Probes and scrapes come every few seconds: logged at debug, so they do not drown the requests that matter. */
const QUIET_ROUTES = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

/** Adds fields to the request's log line (e.g. Slack's event id, known only once Bolt has read the body). */
export function annotateRequest(req: IncomingMessage, fields: Record<string, unknown>): void {
  const annotated = req as Annotated;
  annotated[fieldsKey] = { ...annotated[fieldsKey], ...fields };
}

/** The request's id: a proxy's X-Request-Id when it looks like one, otherwise a new one. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
}

export function observeRequest(req: IncomingMessage, res: ServerResponse, route: string, { log, metrics }: { log: Logger; metrics: Metrics }): void {
  const started = process.hrtime.bigint();
  const requestId = requestIdOf(req.headers);
  res.setHeader('x-request-id', requestId);
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = String(res.statusCode);
    metrics.httpRequests.inc({ route, status });
    metrics.httpRequestDuration.observe({ method: req.method ?? 'GET', route, status }, seconds);
    const delivery = req.headers['x-github-delivery'];
    const slackRetry = req.headers['x-slack-retry-num'];
    const line = {
      requestId,
      method: req.method,
      route,
      status: res.statusCode,
      ms: Math.round(seconds * 10_000) / 10,
      ...(typeof delivery === 'string' ? { githubDelivery: delivery, githubEvent: req.headers['x-github-event'] } : {}),
      ...(typeof slackRetry === 'string' ? { slackRetry: Number(slackRetry) } : {}),
      ...(req as Annotated)[fieldsKey],
    };
    if (QUIET_ROUTES.has(route)) log.debug(line, 'http request');
    else log.info(line, 'http request');
  });
}
