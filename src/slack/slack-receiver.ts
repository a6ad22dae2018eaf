import { annotateRequest } from '../http/request-log';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { errorSummary } from '../errors';
import { HttpError, readBodyWithin, type BodyBudget } from '../http/body-budget';
import { sendJson, type RouteHandler } from '../http/router';
import { parseJsonWithoutNul, stripNul } from '../kit/text/strip-nul';
import { MAX_COMMAND_TEXT, signatureHeadersProblem, signatureMatches } from './signature';

/** Far above any event or command Slack sends; a body is buffered (within the shared budget) before its signature is checked. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Slack drops a command or action not acknowledged within 3 s; answer before it gives up rather than leave it hanging. */
const ACK_DEADLINE_MS = 2_500;

export interface SlackReceiverDeps {
  signingSecret: string;
  log: Logger;
  budget?: BodyBudget;
  /** Resolves once the bot token is known to work (auth.test); rejects while Slack cannot say. */
  authorize: () => Promise<unknown>;
  /** Records a receipt durably; false when the key was recorded before (a retry or a replay). */
  recordReceipt: (key: string, type: string) => Promise<boolean>;
  /** Removes a receipt, so Slack's retry of a request that failed here is processed. */
  forgetReceipt: (key: string) => Promise<void>;
  /** Wall-clock seconds, for the signature's timestamp window (Slack signs with the real time, not the app's clock). */
  nowSeconds?: () => number;
  /**
   * Posts an ephemeral reply to a response_url (with retries). Used to tell the person when a command the front door
   * acknowledged cannot be acted on, as Slack has already shown them nothing went wrong.
   */
  tellPerson?: (responseUrl: string, text: string) => Promise<void>;
}

/**
 * POST /slack/events, in place of Bolt's HTTPReceiver, so that nothing is acknowledged before it is safe:
 *
 * 1. Without x-slack-signature and x-slack-request-timestamp: 401 before the body is read. A timestamp more than
 *    5 minutes away from now, in the past or the future: 401. The body is read within 5 MB and the shared intake
 *    budget, then the v0 signature is compared in constant time.
 * 2. The bot token must be authorized (auth.test, cached): while Slack cannot confirm it, 503, so Slack retries
 *    the event (Bolt would ack and drop it).
 * 3. An event's receipt (its event_id) is written before any answer: a retry of a recorded event is answered 200
 *    and dropped; if the database cannot record it, 503 so Slack retries. A command or action's receipt (its
 *    signature: a replay within the 5-minute window runs once) is written while Bolt runs its listener, so its ack
 *    does not wait on the database; the listener's ack() returns only once the receipt is durable, and throws
 *    RequestNotTaken for a replay or a receipt that could not be written. Listeners act only after their ack, so
 *    neither does anything; ackThenRespond tells the person when nothing was done. (Slack never retries a command
 *    or action, so a 503 would only have shown them "dispatch_failed".)
 * 4. Bolt runs the listeners. An event is answered 200 only after its listeners succeeded (they only enqueue);
 *    otherwise 500 and its receipt is removed, so Slack's retry runs it. Commands and actions are answered on ack().
 *
 * U+0000, which PostgreSQL cannot store, is dropped from every string of the payload. A command whose text is
 * longer than MAX_COMMAND_TEXT is answered with the reason, and no listener runs.
 * https://api.slack.com/apis/events-api#responding  https://api.slack.com/apis/events-api#retries
 */
/**
 * Thrown by a command's or action's ack() once it has answered Slack, when the request must not be acted on: a
 * replay of a request already received, or one whose receipt the database could not take.
 */
export class RequestNotTaken extends Error {
  /** Bolt passes an error with a code to app.error as it is (others it wraps). */
  readonly code = 'podbot_request_not_taken';

  constructor(
    readonly reason: 'replayed' | 'not-recorded',
    message: string,
  ) {
    super(message);
    this.name = 'RequestNotTaken';
  }
}

export class SlackReceiver implements Receiver {
  private app?: App;

  constructor(private readonly deps: SlackReceiverDeps) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  readonly handle: RouteHandler = async ({ req, res }) => {
    const problem = this.headersProblem(req.headers);
    if (problem === MISSING_HEADERS) return this.unsigned(req, res);
    if (problem) return refuse(httpAnswer(req, res), 401, problem);
    const raw = await readBodyWithin(req, MAX_BODY_BYTES, { budget: this.deps.budget, res });
    await this.receive(req.headers, raw, httpAnswer(req, res));
  };

  /**
   * A command or click the front door (src/front/) acknowledged to Slack and handed over as a message rather than
   * over HTTP. It goes through the same steps as one received here (signature, authorization, receipt, listener);
   * the answer those steps give goes nowhere, as Slack has its answer. Resolves with that answer's status (200 when
   * a listener took it; otherwise what Slack would have been given, the reason logged) and Slack's ids for the
   * request, for its log line. When the request was Slack's but nothing will act on it (the bot token cannot be
   * authorized, or no listener takes it), the person is told so on its response_url: over HTTP they would have
   * seen Slack's own error, here they saw an ack.
   */
  async takeAcknowledged(headers: IncomingHttpHeaders, raw: Buffer): Promise<{ status: number; fields: Record<string, unknown> }> {
    const answer = discardedAnswer();
    const problem = this.headersProblem(headers);
    if (problem) refuse(answer, 401, problem);
    else await this.receive(headers, raw, answer);
    const status = answer.status ?? 404;
    const apology = status === 503 ? NOT_AUTHORIZED : status === 404 ? NO_LISTENER : undefined;
    const responseUrl = apology && responseUrlOf(raw);
    if (apology && responseUrl && this.deps.tellPerson) {
      await this.deps.tellPerson(responseUrl, apology).catch((error: unknown) =>
        this.deps.log.error({ err: errorSummary(error), ...answer.fields }, 'slack: could not tell the person their request was not acted on'),
      );
    }
    return { status, fields: answer.fields };
  }

  /** What is wrong with the signature headers (missing, or a timestamp outside the window), before the body is read. */
  private headersProblem(headers: IncomingHttpHeaders): string | undefined {
    const signature = header(headers, 'x-slack-signature');
    const timestamp = header(headers, 'x-slack-request-timestamp');
    if (!signature || !timestamp) return MISSING_HEADERS;
    return signatureHeadersProblem(signature, timestamp, (this.deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000)))());
  }

  private async receive(headers: IncomingHttpHeaders, raw: Buffer, answer: SlackAnswer): Promise<void> {
    const { deps } = this;
    const signature = header(headers, 'x-slack-signature')!;
    const timestamp = header(headers, 'x-slack-request-timestamp')!;
    if (!signatureMatches(deps.signingSecret, timestamp, signature, raw)) return refuse(answer, 401, 'x-slack-signature does not match the body and signing secret');

    const body = parseBody(raw.toString('utf8'), header(headers, 'content-type'));
    if (body.type === 'url_verification') return answer.send(200, { challenge: body.challenge });
    if (body.ssl_check === '1') return answer.send(200);

    if (typeof body.command === 'string' && typeof body.text === 'string' && body.text.length > MAX_COMMAND_TEXT) {
      return answer.send(200, {
        response_type: 'ephemeral',
        text: `That is ${body.text.length.toLocaleString('en-US')} characters; podbot reads commands of at most ${MAX_COMMAND_TEXT.toLocaleString('en-US')}. Nothing was done.`,
      });
    }

    try {
      await deps.authorize();
    } catch (error) {
      deps.log.error({ err: errorSummary(error) }, 'slack: bot token authorization failed; answering 503 so Slack retries');
      return refuse(answer, 503, 'podbot cannot authorize with Slack right now; retry later');
    }

    // Slack's ids for this request go on its log line, to match it with Slack's own record.
    answer.annotate({
      ...(typeof body.event_id === 'string' ? { slackEventId: body.event_id } : {}),
      ...(typeof body.trigger_id === 'string' ? { slackTriggerId: body.trigger_id } : {}),
    });
    const isEvent = body.type === 'event_callback' && typeof body.event_id === 'string';
    if (!isEvent) {
      // A command or action: answered as soon as its listener acks, while its receipt is written; the listener's
      // ack() resolves only once the receipt is durable, so nothing a listener does after its ack happens for a
      // replay or without a receipt (see RequestNotTaken).
      const receipt = { key: `sig:${signature.slice(3)}`, type: requestKind(body) };
      const recorded = deps.recordReceipt(receipt.key, receipt.type).then(
        (first) => {
          if (first) return;
          deps.log.info({ receipt: receipt.key, type: receipt.type }, 'slack: replayed request ignored');
          throw new RequestNotTaken('replayed', 'this request was received before (a replay); it is ignored');
        },
        (error: unknown) => {
          deps.log.error({ err: errorSummary(error), receipt: receipt.key }, 'slack: request could not be recorded; nothing was done');
          throw new RequestNotTaken('not-recorded', 'podbot could not record this request, so it did nothing');
        },
      );
      recorded.catch(() => {}); // observed by ack(); a request no listener acks still gets its receipt
      return this.dispatch(headers, answer, body, { isEvent, receipt: receipt.key, recorded });
    }
    const receipt = { key: body.event_id as string, type: eventType(body) };
    let first: boolean;
    try {
      first = await deps.recordReceipt(receipt.key, receipt.type);
    } catch (error) {
      deps.log.error({ err: errorSummary(error), receipt: receipt.key }, 'slack: request could not be recorded; answering 503 so Slack retries');
      return refuse(answer, 503, 'podbot cannot record this request right now; retry later');
    }
    if (!first) {
      deps.log.info({ receipt: receipt.key, type: receipt.type, retryNum: header(headers, 'x-slack-retry-num') }, 'slack: duplicate event ignored');
      return answer.send(200);
    }

    await this.dispatch(headers, answer, body, { isEvent, receipt: receipt.key });
  }

  private async dispatch(
    headers: IncomingHttpHeaders,
    answer: SlackAnswer,
    body: Record<string, unknown>,
    run: { isEvent: boolean; receipt: string; recorded?: Promise<void> },
  ): Promise<void> {
    const { deps } = this;
    let acked: { body?: unknown } | undefined;
    // Nobody waits on an answer the front door already gave, so there is no deadline to answer by.
    const timer = run.isEvent || !answer.awaited
      ? undefined
      : setTimeout(() => {
          if (acked || answer.sent) return;
          deps.log.error({ type: requestKind(body) }, 'slack: request not acknowledged in time');
          answer.send(500, { ok: false, error: 'not acknowledged in time' });
        }, ACK_DEADLINE_MS);
    const event: ReceiverEvent = {
      body,
      retryNum: numberHeader(headers, 'x-slack-retry-num'),
      retryReason: header(headers, 'x-slack-retry-reason'),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = { body: response };
        // An event's answer waits for its listeners (below); anything else is answered now, within Slack's 3 s,
        // and the listener goes on once its receipt is written.
        if (!run.isEvent) {
          answer.send(200, response);
          await run.recorded;
        }
      },
    };
    try {
      if (!this.app) throw new Error('the Slack receiver was not initialized by Bolt');
      await this.app.processEvent(event);
      if (run.isEvent) return answer.send(200, acked?.body);
      if (!acked) answer.send(404, { ok: false, error: 'no listener handled this request' });
    } catch (error) {
      if (!run.isEvent && acked) return; // answered already; the listener's error was logged by app.error
      if (run.isEvent) {
        await deps.forgetReceipt(run.receipt).catch((forgetError) =>
          deps.log.error({ err: errorSummary(forgetError), receipt: run.receipt }, 'slack: receipt of a failed event could not be removed; its retry will be ignored'),
        );
      }
      answer.send(500, { ok: false, error: 'podbot could not process this request; retry later' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** No signature headers: only Slack's unsigned SSL check is answered (its body is a few bytes); the rest is 401. */
  private async unsigned(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const small = Number(req.headers['content-length']) <= 64;
    if (small && header(req.headers, 'content-type')?.startsWith('application/x-www-form-urlencoded')) {
      const raw = await readBodyWithin(req, 64, { budget: this.deps.budget, res }).catch(() => undefined);
      if (raw && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1') return void res.writeHead(200).end();
    }
    refuse(httpAnswer(req, res), 401, MISSING_HEADERS);
  }
}

/**
 * Where a request's answer goes: its HTTP response, or nowhere for one the front door already answered. Only the
 * first answer counts (a listener's late ack after the deadline's 500 is dropped).
 */
interface SlackAnswer {
  readonly sent: boolean;
  /** Slack is waiting for this answer (its 3-second clock runs); false for one the front door already gave. */
  readonly awaited: boolean;
  /** An empty body, text, or JSON. */
  send(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Fields for the request's log line. */
  annotate(fields: Record<string, unknown>): void;
}

function httpAnswer(req: IncomingMessage, res: ServerResponse): SlackAnswer {
  return {
    get sent() {
      return res.headersSent;
    },
    awaited: true,
    send(status, body, headers = {}) {
      if (res.headersSent) return;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (body === undefined || body === '') res.writeHead(status).end();
      else if (typeof body === 'string') res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
      else sendJson(res, status, body);
    },
    annotate: (fields) => annotateRequest(req, fields),
  };
}

function discardedAnswer(): SlackAnswer & { status?: number; fields: Record<string, unknown> } {
  const answer: SlackAnswer & { status?: number; fields: Record<string, unknown> } = {
    fields: {},
    awaited: false,
    get sent() {
      return answer.status !== undefined;
    },
    send(status) {
      answer.status ??= status;
    },
    annotate(fields) {
      Object.assign(answer.fields, fields);
    },
  };
  return answer;
}

function refuse(answer: SlackAnswer, status: number, reason: string): void {
  // Often refused before the body was read: close the connection rather than receive the rest of it.
  answer.send(status, { ok: false, error: reason }, { connection: 'close', ...(status === 503 ? { 'retry-after': '10' } : {}) });
}

const MISSING_HEADERS = 'missing x-slack-signature or x-slack-request-timestamp header';
const NOT_AUTHORIZED = 'Sorry, podbot could not confirm its access to Slack just now, so nothing was done. Please try again in a few minutes.';
const NO_LISTENER = 'Sorry, podbot has nothing that answers this here (that part of podbot may be turned off), so nothing was done.';

/** The response_url of a command (a form field) or an interaction (in its JSON payload); undefined if there is none. */
function responseUrlOf(raw: Buffer): string | undefined {
  const form = new URLSearchParams(raw.toString('utf8'));
  const direct = form.get('response_url');
  if (direct) return direct;
  try {
    const payload = JSON.parse(form.get('payload') ?? 'null') as { response_url?: unknown } | null;
    return typeof payload?.response_url === 'string' ? payload.response_url : undefined;
  } catch {
    return undefined;
  }
}

/** Events API bodies are JSON; commands are a form; interactivity is a form with one `payload` field of JSON. */
function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  let parsed: unknown;
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      parsed = payload !== null ? parseJsonWithoutNul(payload) : Object.fromEntries([...form].map(([key, value]) => [stripNul(key), stripNul(value)]));
    } else {
      parsed = parseJsonWithoutNul(text);
    }
  } catch {
    throw new HttpError(400, 'body is neither JSON nor a form');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, 'body must be a JSON object or a form');
  return parsed as Record<string, unknown>;
}

function eventType(body: Record<string, unknown>): string {
  const type = (body.event as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type.slice(0, 100) : 'unknown';
}

function requestKind(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return `command ${body.command.slice(0, 100)}`;
  if (typeof body.type === 'string') return body.type.slice(0, 100);
  return 'unknown';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(headers: IncomingHttpHeaders, name: string): number | undefined {
  const value = Number(header(headers, name));
  return Number.isInteger(value) ? value : undefined;
}
