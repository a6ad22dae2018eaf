// METRICS_PORT: /metrics on a port of its own, so a scraper can reach it while the public port (Slack, GitHub,
// the dashboard) does not expose it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../context';
import { sendJson, sendText } from './router';
import { renderMetrics } from './core-routes';

export async function serveMetrics(ctx: Pick<AppContext, 'db' | 'metrics'>, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return sendJson(res, 404, { ok: false, error: `no route for ${req.method} ${path}: this port serves GET /metrics` });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: `${req.method} is not allowed on /metrics` });
    renderMetrics(ctx).then(
      ({ text, contentType }) => sendText(res, 200, text, contentType),
      () => sendJson(res, 500, { ok: false, error: 'metrics unavailable' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
