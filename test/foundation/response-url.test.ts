// Replies to a response_url (src/slack/response-url.ts): the JSON body as Bolt's respond() sends it, a status other
// than 2xx as an error with statusCode (what respondWithRetry reads), and one kept-alive connection for a run of replies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToResponseUrl, ResponseUrlError } from '../../src/slack/response-url';
import { respondWithRetry } from '../../src/slack/respond-with-retry';

const received: { path: string; contentType?: string; body: unknown; socket: unknown }[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(200).end('ok');
const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(body), socket: req.socket });
  answer(req, res);
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('postToResponseUrl', () => {
  it('posts the message as JSON and reuses the connection for the next reply', async () => {
    received.length = 0;
    await postToResponseUrl(`${base}/response/a`, { response_type: 'ephemeral', text: 'first' });
    await postToResponseUrl(`${base}/response/b`, { response_type: 'ephemeral', text: 'second', replace_original: false });
    expect(received.map((r) => [r.path, r.contentType, r.body])).toEqual([
      ['/response/a', 'application/json; charset=utf-8', { response_type: 'ephemeral', text: 'first' }],
      ['/response/b', 'application/json; charset=utf-8', { response_type: 'ephemeral', text: 'second', replace_original: false }],
    ]);
    expect(received[1].socket).toBe(received[0].socket);
  });

  it('rejects with the status, so a refusal is not retried and a 5xx or 429 is', async () => {
    answer = (_req, res) => void res.writeHead(404).end('expired_url');
    await expect(postToResponseUrl(`${base}/response/gone`, { text: 'x' })).rejects.toMatchObject({ name: 'ResponseUrlError', statusCode: 404 });
    received.length = 0;
    await expect(respondWithRetry((m: unknown) => postToResponseUrl(`${base}/response/gone`, m), { baseDelayMs: 1 })({ text: 'x' })).rejects.toBeInstanceOf(ResponseUrlError);
    expect(received).toHaveLength(1);

    let calls = 0;
    answer = (_req, res) => void (++calls < 3 ? res.writeHead(503).end() : res.writeHead(200).end());
    received.length = 0;
    await respondWithRetry((m: unknown) => postToResponseUrl(`${base}/response/flaky`, m), { baseDelayMs: 1 })({ text: 'y' });
    expect(received).toHaveLength(3);
    answer = (_req, res) => void res.writeHead(200).end('ok');
  });

  it('refuses what is not an http(s) URL without sending anything', async () => {
    received.length = 0;
    await expect(postToResponseUrl('not a url', { text: 'x' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(postToResponseUrl('file:///etc/passwd', { text: 'x' })).rejects.toMatchObject({ statusCode: 400 });
    expect(received).toHaveLength(0);
  });
});
