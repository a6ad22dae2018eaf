// Finding 1: one unauthenticated request with a malformed URL must get a 4xx, and the server must keep serving.
// Before: `decodeURIComponent` (a %ZZ escape) and `new URL` (an absolute-form target with port 99999) threw inside
// Node's request callback, and the process exited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('reliability › malformed URLs get a 4xx and the server keeps serving', () => {
  let t: TestApp;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    t = await startTestApp();
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await t?.stop();
  });

  it.each([
    ['a malformed percent-escape in a route parameter', 'GET /calls/%ZZ.ics HTTP/1.1\r\nHost: podbot\r\nConnection: close\r\n\r\n'],
    ['an absolute-form target with an impossible port', 'GET http://a:99999/healthz HTTP/1.1\r\nHost: podbot\r\nConnection: close\r\n\r\n'],
    ['a lone percent sign', 'GET /calls/%.ics HTTP/1.1\r\nHost: podbot\r\nConnection: close\r\n\r\n'],
  ])('answers 400 to %s', async (_what, request) => {
    const answer = await rawRequest(t.url, request);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/malformed/);
    expect(uncaught).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('still serves a well-formed absolute-form request line', async () => {
    const answer = await rawRequest(t.url, 'GET http://podbot.example.org/healthz HTTP/1.1\r\nHost: podbot\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});
