// Finding 6: before its signature was checked, /github/webhooks buffered up to 25 MB per request, with no bound on
// the total (100 concurrent unsigned 24 MB posts: RSS 409 → 2,092 MB). Now requests without signature headers are
// refused before their body is read, and bodies being read share a byte budget (PODBOT_INTAKE_BUFFER_MB).
// The memory figures themselves are printed by bench/intake-memory.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';
import { connect, type Socket } from 'node:net';

const MB = 1024 * 1024;
const FAKE_SIGNATURE = `sha256=${'0'.repeat(64)}`;

/** Headers of a POST whose body is announced but never sent: the server may only answer without reading it. */
function headersOnly(path: string, length: number, headers: Record<string, string>): string {
  const lines = Object.entries({ host: 'podbot', 'content-type': 'application/json', 'content-length': String(length), ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** Opens a request that announces `length` bytes and sends only its headers, holding the connection open. */
function holdOpen(url: string, request: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request, () => resolve(socket)));
    socket.on('error', reject);
  });
}

describe('reliability › unauthenticated bodies are bounded per request and in total', () => {
  let t: TestApp;
  const held: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ features: [], env: { PODBOT_INTAKE_BUFFER_MB: '30' } });
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await t?.stop();
  });

  it('refuses a 24 MB GitHub post without a signature before reading its body', async () => {
    const answer = await rawRequest(t.url, headersOnly('/github/webhooks', 24 * MB, { 'x-github-event': 'issues', 'x-github-delivery': 'd-unsigned' }), 3_000);
    expect(answer.status).toBe(401);
  });

  it('refuses a 24 MB Slack post without signature headers before reading its body', async () => {
    const answer = await rawRequest(t.url, headersOnly('/slack/events', 24 * MB, {}), 3_000);
    expect(answer.status).toBe(401);
  });

  it('refuses a body over the per-request limit from its Content-Length, before reading it', async () => {
    const answer = await rawRequest(t.url, headersOnly('/github/webhooks', 26 * MB, { 'x-github-event': 'issues', 'x-github-delivery': 'd-big', 'x-hub-signature-256': FAKE_SIGNATURE }), 3_000);
    expect(answer.status).toBe(413);
  });

  it('answers 503 once bodies in flight would exceed the budget, and still accepts a signed delivery that fits', async () => {
    held.push(await holdOpen(t.url, headersOnly('/github/webhooks', 25 * MB, { 'x-github-event': 'issues', 'x-github-delivery': 'd-hold', 'x-hub-signature-256': FAKE_SIGNATURE })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const over = await rawRequest(t.url, headersOnly('/github/webhooks', 10 * MB, { 'x-github-event': 'issues', 'x-github-delivery': 'd-over', 'x-hub-signature-256': FAKE_SIGNATURE }), 3_000);
    expect(over.status).toBe(503);
    expect(over.text.toLowerCase()).toContain('retry-after');
    expect((await t.webhook('ping', { zen: 'Design for failure.', hook_id: 1 })).status).toBe(200);
  });
});
