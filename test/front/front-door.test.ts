// The front door (src/front/front-door.ts): podbot's public HTTP server, on the main thread, in front of the app.
// It acknowledges a signed slash command or button click itself and hands it to the app unchanged (handOver; a
// message to the app's thread in production); it passes everything else through, so the app's answer (a refusal,
// a retry, a page) is what the caller gets.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFrontDoor, type FrontDoorDeps, type FrontLog } from '../../src/front/front-door';
import { BodyBudget } from '../../src/http/body-budget';
import { onPostgres } from '../support/database';
import { until } from '../support/database-faults';
import { slackSignature } from '../support/signers';
import type { Feature } from '../../src/context';
import { SLACK_SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

const config = { pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'], capacity: 9 }] };
const FORM = 'application/x-www-form-urlencoded';

type LogLine = { level: string; fields: Record<string, unknown>; msg: string };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type HandOver = FrontDoorDeps['handOver'];
type HandedOver = Parameters<HandOver>[0];

function startFront(appPort: number, handOver: HandOver, options: { lines?: LogLine[]; onSlackAnswered?: (seconds: number) => void } = {}) {
  const lines = options.lines ?? [];
  const log: FrontLog = {
    info: (fields, msg) => void lines.push({ level: 'info', fields, msg }),
    warn: (fields, msg) => void lines.push({ level: 'warn', fields, msg }),
    error: (fields, msg) => void lines.push({ level: 'error', fields, msg }),
  };
  return createFrontDoor({
    app: { host: '127.0.0.1', port: appPort },
    signingSecret: SLACK_SIGNING_SECRET,
    log,
    budget: new BodyBudget(10 * 1024 * 1024),
    onSlackAnswered: options.onSlackAnswered,
    handOver,
  });
}

function commandBody(command: string, text: string, user: string, responseUrl: string): string {
  return new URLSearchParams({
    team_id: 'T0FAKE', channel_id: 'C0GENERAL', user_id: user, user_name: user.toLowerCase(), command, text, api_app_id: 'A0PODBOT',
    response_url: responseUrl, trigger_id: `trigger-${randomUUID()}`,
  }).toString();
}

const post = (url: string, body: string, contentType = FORM, headers: Record<string, string> = slackSignature(SLACK_SIGNING_SECRET, body)) =>
  fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

describe('front door', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /**
   * A stand-in app answering HTTP with `handler` and recording what is handed over, and the front door before it;
   * both closed after the test (held answers ended first).
   */
  async function frontBefore(handler: (req: IncomingMessage, res: ServerResponse) => void, options: { held?: ServerResponse[]; onSlackAnswered?: (seconds: number) => void } = {}) {
    const app = createServer(handler);
    const appUrl = await listen(app);
    const handedOver: HandedOver[] = [];
    const front = startFront(Number(new URL(appUrl).port), (request) => void handedOver.push(request), { onSlackAnswered: options.onSlackAnswered });
    const frontUrl = await listen(front.server);
    cleanups.push(async () => {
      for (const res of options.held ?? []) res.end();
      await new Promise((resolve) => front.server.close(resolve));
      front.closeAppConnections();
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    });
    return { frontUrl, handedOver };
  }

  it('acknowledges a signed /join-pod and hands it over byte for byte, without asking the app over HTTP', async () => {
    // An app that takes everything in and answers nothing until told to.
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const held: ServerResponse[] = [];
    const { frontUrl, handedOver } = await frontBefore(
      async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        held.push(res);
      },
      { held },
    );

    const body = commandBody('/join-pod', 'docs', 'U0FAST', 'http://127.0.0.1:9/unused');
    const signature = slackSignature(SLACK_SIGNING_SECRET, body);
    const res = await post(frontUrl, body, FORM, signature);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(''); // Slack shows nothing for an empty ack; the answer follows on response_url
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0].body.toString('utf8')).toBe(body);
    expect(handedOver[0].headers['x-slack-signature']).toBe(signature['x-slack-signature']);
    expect(handedOver[0].headers['x-slack-request-timestamp']).toBe(signature['x-slack-request-timestamp']);
    expect(handedOver[0].headers['content-type']).toBe(FORM);
    // Its request id is given at the door, in the answer and with what is handed over (a proxy's own id is kept).
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(handedOver[0].headers['x-request-id']).toBe(res.headers.get('x-request-id'));

    // A click is acknowledged the same way; a view submission is not (its ack can carry errors): the app answers it.
    const click = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', trigger_id: 't1', actions: [] }) }).toString();
    expect((await post(frontUrl, click)).status).toBe(200);
    expect(handedOver.map((request) => request.body.toString('utf8'))).toEqual([body, click]);
    const submission = new URLSearchParams({ payload: JSON.stringify({ type: 'view_submission', trigger_id: 't2' }) }).toString();
    const submitted = post(frontUrl, submission);
    await until(() => received.length === 1);
    expect(received[0].body).toBe(submission);
    const pending = await Promise.race([submitted.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting for the app'), 300))]);
    expect(pending).toBe('waiting for the app');
    held[0].writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response_action: 'errors', errors: { x: 'y' } }));
    expect(await (await submitted).json()).toEqual({ response_action: 'errors', errors: { x: 'y' } });

    const proxiedBody = commandBody('/join-pod', 'docs', 'U0PROXIED', 'http://127.0.0.1:9/unused');
    const proxied = await post(frontUrl, proxiedBody, FORM, { ...slackSignature(SLACK_SIGNING_SECRET, proxiedBody), 'x-request-id': 'proxy-7f3a' });
    expect(proxied.headers.get('x-request-id')).toBe('proxy-7f3a');
    expect(handedOver[2].headers['x-request-id']).toBe('proxy-7f3a');
  });

  it('times what Slack waits for: its own ack of a command, the app\'s answer to an event, and nothing else', async () => {
    // An app that answers an event only when told to, and anything else at once.
    const held: ServerResponse[] = [];
    const answered: number[] = [];
    const { frontUrl } = await frontBefore(
      async (req, res) => {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        if (body.includes('event_callback')) held.push(res);
        else res.writeHead(200).end('ok');
      },
      { held, onSlackAnswered: (seconds) => answered.push(seconds) },
    );

    expect((await post(frontUrl, commandBody('/join-pod', 'docs', 'U0TIMED', 'http://127.0.0.1:9/unused'))).status).toBe(200);
    await until(() => answered.length === 1);
    expect(answered[0]).toBeGreaterThan(0);
    expect(answered[0]).toBeLessThan(1);

    const event = JSON.stringify({ type: 'event_callback', event_id: 'Ev0TIMED', event: { type: 'team_join' } });
    const reply = post(frontUrl, event, 'application/json');
    await until(() => held.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    held[0].writeHead(200).end();
    expect((await reply).status).toBe(200);
    await until(() => answered.length === 2);
    expect(answered[1]).toBeGreaterThanOrEqual(0.2); // the app's answer, passed back, is what Slack waited for

    expect((await fetch(`${frontUrl}/livez`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toHaveLength(2); // probes, pages and GitHub are not Slack's acks
  });

  it('acknowledges nothing that is not signed with the secret: the app refuses it, and the caller hears why', async () => {
    const received: string[] = [];
    const { frontUrl, handedOver } = await frontBefore(async (req, res) => {
      for await (const chunk of req) received.push(String(chunk));
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'refused by the app' }));
    });

    const body = commandBody('/join-pod', 'docs', 'U0FORGER', 'http://127.0.0.1:9/unused');
    const cases: Record<string, string>[] = [
      slackSignature('another-secret-entirely-0123', body), // wrong secret
      slackSignature(SLACK_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 600), // outside the 5-minute window
      {}, // unsigned
    ];
    for (const headers of cases) {
      const res = await post(frontUrl, body, FORM, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, error: 'refused by the app' });
    }
    expect(received.length).toBe(3);
    expect(handedOver).toHaveLength(0);
  });

  it('answers 502 with a reason when the app is not there, and logs a command it acknowledged but could not hand over', async () => {
    const gone = createServer();
    const port = Number(new URL(await listen(gone)).port);
    await new Promise((resolve) => gone.close(resolve));
    const lines: LogLine[] = [];
    const front = startFront(
      port,
      () => {
        throw new Error('the app thread is gone');
      },
      { lines },
    );
    const frontUrl = await listen(front.server);
    cleanups.push(async () => {
      await new Promise((resolve) => front.server.close(resolve));
      front.closeAppConnections();
    });

    const probe = await fetch(`${frontUrl}/readyz`);
    expect(probe.status).toBe(502);
    expect(probe.headers.get('retry-after')).toBe('10');
    expect(await probe.json()).toEqual({ ok: false, error: 'podbot is not answering right now; retry shortly' });

    const body = commandBody('/join-pod', 'docs', 'U0LOST', 'http://127.0.0.1:9/unused');
    expect((await post(frontUrl, body)).status).toBe(200);
    const lost = lines.filter((line) => line.level === 'error' && /could not be handed to the app/.test(line.msg));
    expect(lost).toHaveLength(1);
    expect(String(lost[0].fields.slackTriggerId)).toMatch(/^trigger-/);
    expect(lost[0].fields.err).toMatchObject({ message: 'the app thread is gone' });
  });

  describe('in front of the app', () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.stop({ keepDatabase: !onPostgres });
      t = undefined;
    });

    it('joins once for a command acknowledged at the door, runs its replay zero times, and passes probes, events and pages through', async () => {
      t = await startTestApp({ config });
      const app = t.app;
      const front = startFront(Number(new URL(t.url).port), ({ headers, body }) => app.takeSlackRequest(headers, body));
      const frontUrl = await listen(front.server);
      cleanups.push(async () => {
        await new Promise((resolve) => front.server.close(resolve));
        front.closeAppConnections();
      });

      const body = commandBody('/join-pod', 'docs', 'U0DOOR', t.slack.responseUrl('door'));
      const signature = slackSignature(SLACK_SIGNING_SECRET, body);
      expect((await post(frontUrl, body, FORM, signature)).status).toBe(200);
      await until(() => t!.slack.callsTo('response_url').some((call) => /You joined/.test(String(call.args.text))));
      // Slack's request sent again (a replay within the signature's window): acknowledged, and nothing is done twice.
      expect((await post(frontUrl, body, FORM, signature)).status).toBe(200);
      await until(() => t!.logs.some((line) => /replayed request ignored/.test(String(line.msg))));
      expect(await t.db.prisma.membership.count()).toBe(1);
      expect(t.slack.callsTo('response_url')).toHaveLength(1);
      const taken = t.logs.filter((line) => line.msg === 'slack request acknowledged by the front door');
      expect(taken.map((line) => line.status)).toEqual([200, 200]);
      expect(taken[0].slackTriggerId).toBe(new URLSearchParams(body).get('trigger_id'));
      expect(taken[0].requestId).toMatch(/^[0-9a-f-]{36}$/);

      // What is handed over is checked as if it came over HTTP: a body that does not match its signature is not acted on.
      const forged = commandBody('/join-pod', 'docs', 'U0FORGED', t.slack.responseUrl('forged'));
      app.takeSlackRequest({ 'content-type': FORM, ...signature }, Buffer.from(forged));
      await until(() => t!.logs.some((line) => line.msg === 'slack request acknowledged by the front door was not acted on'));
      expect(t.logs.find((line) => line.msg === 'slack request acknowledged by the front door was not acted on')).toMatchObject({ status: 401, via: 'front door' });
      expect(await t.db.prisma.membership.count()).toBe(1);

      // Passed through, with the app's status, headers and body.
      const live = await fetch(`${frontUrl}/livez`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'legacy' });
      const verified = await post(frontUrl, challenge, 'application/json');
      expect(await verified.json()).toEqual({ challenge: 'c-123' });
      const api = await fetch(`${frontUrl}/api/pods`);
      expect(api.status).toBe(401); // the app's own refusal, unchanged
      const notFound = await fetch(`${frontUrl}/no-such-page`);
      expect(notFound.status).toBe(404);
    });

    it('has no ack deadline for what the door acknowledged: a listener that acks late is still acted on and logged as taken', async () => {
      const acted: string[] = [];
      const slowCommand: Feature = (_ctx, { slack }) =>
        slack?.command('/slow', async ({ ack, command }) => {
          await new Promise((resolve) => setTimeout(resolve, 2_800)); // past the 2.5 s a request over HTTP gets
          await ack();
          acted.push(command.user_id);
        });
      t = await startTestApp({ config, features: [slowCommand] });
      const raw = commandBody('/slow', '', 'U0SLOW', t.slack.responseUrl('slow'));
      t.app.takeSlackRequest({ 'content-type': FORM, ...slackSignature(SLACK_SIGNING_SECRET, raw) }, Buffer.from(raw));
      await until(() => t!.logs.some((line) => String(line.msg).startsWith('slack request acknowledged by the front door')), 10_000);
      expect(acted).toEqual(['U0SLOW']);
      expect(t.logs.filter((line) => String(line.msg).startsWith('slack request acknowledged by the front door')).map((line) => [line.msg, line.status])).toEqual([
        ['slack request acknowledged by the front door', 200],
      ]);
      expect(t.logs.some((line) => line.msg === 'slack: request not acknowledged in time')).toBe(false);
    });

    it('tells the person on the response_url when a command it acknowledged cannot be acted on, as Slack showed them no error', async () => {
      t = await startTestApp({ config });
      const app = t.app;
      const handOver = (command: string, text: string, reply: string) => {
        const raw = commandBody(command, text, 'U0SORRY', t!.slack.responseUrl(reply));
        app.takeSlackRequest({ 'content-type': FORM, ...slackSignature(SLACK_SIGNING_SECRET, raw) }, Buffer.from(raw));
      };
      const replyTo = async (id: string) => {
        await until(() => t!.slack.callsTo('response_url').some((call) => call.args.response_url_id === id));
        return t!.slack.callsTo('response_url').filter((call) => call.args.response_url_id === id);
      };

      // The bot token cannot be confirmed (auth.test fails): over HTTP this would be a 503.
      t.slack.failNext('auth.test', 100, { status: 503 });
      handOver('/join-pod', 'docs', 'unauthorized');
      const sorry = await replyTo('unauthorized');
      expect(sorry).toHaveLength(1);
      expect(sorry[0].args).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/could not confirm its access to Slack/) });
      expect(await t.db.prisma.membership.count()).toBe(0);
      t.slack.clearFaults();

      // A command nothing listens to (its part of podbot turned off): over HTTP, a 404.
      handOver('/no-such-command', '', 'unheard');
      expect((await replyTo('unheard'))[0].args.text).toMatch(/nothing that answers this/);
      // Once Slack answers again, the same command is acted on.
      handOver('/join-pod', 'docs', 'later');
      expect((await replyTo('later'))[0].args.text).toMatch(/You joined/);
      expect(t.logs.filter((line) => line.msg === 'slack request acknowledged by the front door was not acted on').map((line) => line.status)).toEqual([503, 404]);
    });
  });
});
