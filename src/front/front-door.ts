import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { errorSummary } from '../errors';
import { HttpError, readBodyWithin, type BodyBudget } from '../http/body-budget';
import { requestIdOf } from '../http/request-log';
import { MAX_COMMAND_TEXT, signatureHeadersProblem, signatureMatches } from '../slack/signature';

/**
 * The largest body the front door reads to acknowledge it itself. A slash command or a button click is a few KB;
 * anything bigger is passed through as it arrives.
 */
export const FAST_ACK_MAX_BYTES = 64 * 1024;

/** The front door's logging: the app thread's logger, reached by message (see start-behind-front-door.ts). */
export interface FrontLog {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export interface FrontDoorDeps {
  /** The app's own HTTP server, on the loopback interface. */
  app: { host: string; port: number };
  /** Slack's signing secret; without it nothing is acknowledged here. */
  signingSecret?: string;
  log: FrontLog;
  /** Bytes of command bodies held here at once (the app has its own budget for what it reads). */
  budget: BodyBudget;
  /** Wall-clock seconds, for the signature's timestamp window. */
  nowSeconds?: () => number;
  /**
   * Called with the seconds from each request to /slack/events arriving to its answer being sent: what Slack's
   * 3-second clock measures, acknowledged here or answered by the app.
   */
  onSlackAnswered?: (seconds: number) => void;
  /**
   * Hands a command or click acknowledged here to the app, unchanged (its headers and body): in production a message
   * to the app's thread. Throws if the app cannot take it (its thread is gone).
   */
  handOver: (request: { headers: IncomingHttpHeaders; body: Buffer }) => void;
}

/**
 * The front door: the process's public HTTP server, on the main thread, while the app (Bolt, the database, the
 * outbox, the schedules) runs in a worker thread behind it (see start-behind-front-door.ts).
 *
 * Slack gives a slash command or a button click 3 seconds to be acknowledged, and podbot acknowledges them empty
 * (the answer follows on response_url). On one event loop, that empty answer waited behind whatever the app was
 * doing: at 200 /join-pod a second, each join's transaction and outbox work put the ack p99 at 6–7 × a bare Bolt
 * app's. So a command or a block_actions click whose Slack signature is valid is answered 200 here, on a thread
 * that does nothing else, and then handed to the app unchanged (same body, same headers) by `handOver`, a message
 * between threads rather than a second HTTP request: the app checks the signature again, writes the receipt that
 * makes a replay a no-op, and runs the listener, whose own empty ack goes nowhere. Everything else (events, view
 * submissions, options, GitHub, probes, the dashboard and the API) is passed to the app and its answer passed back,
 * so what the app says (a refusal, a 503 for Slack to retry) is what the caller gets.
 *
 * A command the front door acknowledged but could not hand over (the app thread is gone) is logged as an error
 * with Slack's trigger id; the process exits when its app thread does (see start-behind-front-door.ts).
 */
export function createFrontDoor(deps: FrontDoorDeps): { server: Server; closeAppConnections: () => void } {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 64 });
  const now = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const server = createServer((req, res) => {
    if (deps.onSlackAnswered && req.method === 'POST' && (req.url ?? '').split('?')[0] === '/slack/events') {
      const arrived = performance.now();
      const report = deps.onSlackAnswered;
      res.once('finish', () => report((performance.now() - arrived) / 1000));
    }
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 502;
      if (!(error instanceof HttpError)) deps.log.error({ err: errorSummary(error), path: req.url }, 'front door: request failed');
      if (!res.headersSent) {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close', ...(status >= 500 ? { 'retry-after': '10' } : {}) });
        res.end(JSON.stringify({ ok: false, error: error instanceof HttpError ? error.message : 'podbot is not answering right now; retry shortly' }));
      } else res.destroy();
    });
  });
  // As the app's own server: a body must arrive within a minute.
  server.requestTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await fastAckBody(req, res);
    if (body === undefined) return passThrough(req, res, req);
    if (body.ackNow) {
      // The request's id is given here, where it is answered, and travels with it to the app's log line.
      const requestId = requestIdOf(req.headers);
      res.writeHead(200, { 'x-request-id': requestId }).end();
      try {
        deps.handOver({ headers: { ...req.headers, 'x-request-id': requestId }, body: body.raw });
      } catch (error) {
        deps.log.error({ err: errorSummary(error), slackTriggerId: body.triggerId }, 'front door: a request acknowledged to Slack could not be handed to the app; it was not acted on');
      }
      return;
    }
    return passThrough(req, res, body.raw);
  }

  /**
   * The body of a signed Slack form post small enough to read here, and whether it is acknowledged here; undefined
   * when the request is not one to look at (it is then passed through unread).
   */
  async function fastAckBody(req: IncomingMessage, res: ServerResponse): Promise<{ raw: Buffer; ackNow: boolean; triggerId?: string } | undefined> {
    const secret = deps.signingSecret;
    if (!secret || req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/slack/events') return undefined;
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
    const length = Number(req.headers['content-length']);
    if (!Number.isFinite(length) || length > FAST_ACK_MAX_BYTES) return undefined;
    const signature = header(req.headers, 'x-slack-signature');
    const timestamp = header(req.headers, 'x-slack-request-timestamp');
    if (!signature || !timestamp || signatureHeadersProblem(signature, timestamp, now())) return undefined;
    const raw = await readBodyWithin(req, FAST_ACK_MAX_BYTES, { budget: deps.budget, res });
    if (!signatureMatches(secret, timestamp, signature, raw)) return { raw, ackNow: false };
    const form = new URLSearchParams(raw.toString('utf8'));
    const command = form.get('command');
    if (command !== null) {
      // A command too long to run is answered by the app with the reason, in its ack.
      return { raw, ackNow: (form.get('text') ?? '').length <= MAX_COMMAND_TEXT, triggerId: form.get('trigger_id') ?? undefined };
    }
    const payload = form.get('payload');
    if (payload === null) return { raw, ackNow: false };
    let parsed: { type?: unknown; trigger_id?: unknown } | undefined;
    try {
      parsed = JSON.parse(payload) as typeof parsed;
    } catch {
      return { raw, ackNow: false }; // the app answers what is wrong with it
    }
    // Only clicks: a view submission's ack can carry errors, and options requests answer with the options.
    const ackNow = parsed?.type === 'block_actions';
    return { raw, ackNow, triggerId: typeof parsed?.trigger_id === 'string' ? parsed.trigger_id : undefined };
  }

  /** Sends the request to the app and its answer (status, headers, body) back to the caller. */
  async function passThrough(req: IncomingMessage, res: ServerResponse, body: IncomingMessage | Buffer): Promise<void> {
    const answer = await forward(req.method!, req.url!, req.headers, body, req);
    res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
    await pipeline(answer, res);
  }

  function forward(method: string, path: string, headers: IncomingHttpHeaders, body: IncomingMessage | Buffer, from: IncomingMessage): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: deps.app.host,
          port: deps.app.port,
          method,
          path,
          agent,
          headers: { ...withoutHopByHop(headers), 'x-forwarded-for': from.socket.remoteAddress ?? '' },
        },
        resolve,
      );
      outgoing.once('error', reject);
      if (Buffer.isBuffer(body)) outgoing.end(body);
      else pipeline(body, outgoing).catch(reject);
    });
  }

  return {
    server,
    /** Closes the kept-alive connections to the app (at shutdown, once the server has closed). */
    closeAppConnections() {
      agent.destroy();
    },
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Connection-level headers belong to one hop; Node sets its own on the next. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}
