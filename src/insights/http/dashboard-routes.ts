import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../../context';
import { PROJECT_ROOT } from '../../paths';
import { readBody, sendJson, sendText, type Router } from '../../http/router';
import { deriveDashboardKey, secretsEqual, signAccessToken, verifyAccessToken } from '../core/access-token';
import { buildInsightsView } from '../core/build-insights';
import { parsePeriod, type Period } from '../core/period';
import { renderFirstTimersCsv, renderPodMetricsCsv } from '../core/render-csv';
import { renderCallsPage, renderOverviewPage, renderPodPage, renderSignInPage } from '../core/render/render-pages';
import { loadCalls, loadFirstTimers, loadInsights, loadOverview, loadPodLinks, loadPodMetrics, loadPodPage } from '../insights-flow';
import { hasAccess, SESSION_COOKIE } from './access';

const SESSION_HOURS = 12;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const ASSETS_DIR = join(PROJECT_ROOT, 'src', 'insights', 'http', 'assets');
/** Chart.js's UMD build, served from the installed package: no CDN, so it works offline. */
// The package's exports map hides dist/ files, so the UMD build is found beside its CommonJS entry.
const CHART_JS = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('chart.js')), 'chart.umd.min.js');

function loadAssets(): Map<string, { body: Buffer; type: string }> {
  return new Map([
    ['chart.umd.min.js', { body: readFileSync(CHART_JS), type: 'text/javascript; charset=utf-8' }],
    ['dashboard.js', { body: readFileSync(join(ASSETS_DIR, 'dashboard.js')), type: 'text/javascript; charset=utf-8' }],
    ['dashboard.css', { body: readFileSync(join(ASSETS_DIR, 'dashboard.css')), type: 'text/css; charset=utf-8' }],
  ]);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': CSP,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function sendCsv(res: ServerResponse, name: string, text: string): void {
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}

/**
 * GET /api/insights (+ CSV exports) behind the router's bearer check, and the dashboard at /dashboard, which answers
 * only with the API token, a signed session cookie or a signed link. Without PODBOT_API_TOKEN none of it exists.
 */
export function registerInsightsRoutes(router: Router, ctx: AppContext): void {
  const apiToken = ctx.env.apiToken;
  const key = apiToken ? deriveDashboardKey(apiToken) : undefined;
  const assets = loadAssets();

  const period = (url: URL): Period => {
    const parsed = parsePeriod(url.searchParams, ctx.clock.now());
    if (!parsed.ok) throw badRequest(parsed.error);
    return parsed.period;
  };
  const knownPod = async (name: string | null): Promise<string | null> => {
    if (name === null || name === '') return null;
    const pod = await ctx.db.pod.findUnique({ where: { name } });
    if (!pod) {
      const names = (await ctx.db.pod.findMany({ where: { archived: false }, select: { name: true }, orderBy: { name: 'asc' } })).map((p) => p.name);
      throw Object.assign(new Error(`no pod named "${name}"; pods: ${names.join(', ') || 'none'}`), { status: 404 });
    }
    return pod.name;
  };

  router.get('/api/insights', async ({ res, url }) => {
    const p = period(url);
    const pod = await knownPod(url.searchParams.get('pod'));
    const { health, trend, pods } = await loadInsights(ctx, p, pod);
    sendJson(res, 200, { ...buildInsightsView({ period: p, pod, health, trend, pods }), calls: pod ? undefined : await loadCalls(ctx, p) });
  });
  router.get('/api/insights/first-timers.csv', async ({ res, url }) => {
    sendCsv(res, 'first-timers.csv', renderFirstTimersCsv(await loadFirstTimers(ctx, period(url), await knownPod(url.searchParams.get('pod')))));
  });
  router.get('/api/insights/pods.csv', async ({ res, url }) => {
    sendCsv(res, 'pod-metrics.csv', renderPodMetricsCsv(await loadPodMetrics(ctx, period(url))));
  });

  /** Wraps a dashboard handler: 404 without an API token configured, the sign-in page (401) without access. */
  const guarded =
    (handler: (args: { res: ServerResponse; url: URL; params: Record<string, string> }) => Promise<void>) =>
    async ({ req, res, url, params }: { req: IncomingMessage; res: ServerResponse; url: URL; params: Record<string, string> }) => {
      if (!apiToken || !key) return sendJson(res, 404, { ok: false, error: `no route for GET ${url.pathname}` });
      if (!hasAccess(req, url, apiToken, key, ctx.clock.now())) return sendHtml(res, 401, renderSignInPage(url.searchParams.has('token') ? 'This link has expired or is not valid. Ask an admin for a new one with /pod dashboard-link.' : undefined));
      const link = url.searchParams.get('token');
      if (link) {
        // Trade the link token for a cookie and drop it from the address bar, so it is not kept in history or shared on.
        const check = verifyAccessToken(key, link, ctx.clock.now());
        const maxAge = check.ok ? Math.max(1, Math.floor((check.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000)) : 0;
        url.searchParams.delete('token');
        res.writeHead(303, { location: `${url.pathname}${url.search}`, 'set-cookie': `${SESSION_COOKIE}=${link}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}` });
        return void res.end();
      }
      await handler({ res, url, params });
    };

  router.get('/dashboard/sign-in', ({ res }) => (apiToken ? sendHtml(res, 200, renderSignInPage()) : sendJson(res, 404, { ok: false, error: 'no route for GET /dashboard/sign-in' })));
  router.post('/dashboard/sign-in', async ({ req, res }) => {
    if (!apiToken || !key) return sendJson(res, 404, { ok: false, error: 'no route for POST /dashboard/sign-in' });
    const token = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8')).get('token') ?? '';
    if (!secretsEqual(token, apiToken)) return sendHtml(res, 401, renderSignInPage('That is not the API token.'));
    const session = signAccessToken(key, 'session', new Date(ctx.clock.now().getTime() + SESSION_HOURS * 3_600_000));
    res.writeHead(303, { location: '/dashboard', 'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_HOURS * 3600}` });
    res.end();
  });
  router.get('/dashboard/sign-out', ({ res }) => {
    res.writeHead(303, { location: '/dashboard/sign-in', 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    res.end();
  });

  // The stylesheet is public so the sign-in page is styled; it holds no data.
  router.get('/dashboard/assets/dashboard.css', ({ res, url }) => {
    if (!apiToken) return sendJson(res, 404, { ok: false, error: `no route for GET ${url.pathname}` });
    const asset = assets.get('dashboard.css')!;
    res.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length, 'cache-control': 'public, max-age=3600' });
    res.end(asset.body);
  });
  router.get(
    '/dashboard/assets/:name',
    guarded(async ({ res, params }) => {
      const asset = assets.get(params.name);
      if (!asset) return sendText(res, 404, `no asset ${params.name}\n`);
      res.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length, 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' });
      res.end(asset.body);
    }),
  );

  router.get(
    '/dashboard',
    guarded(async ({ res, url }) => {
      const p = period(url);
      sendHtml(res, 200, renderOverviewPage({ period: p, ...(await loadOverview(ctx, p)) }));
    }),
  );
  router.get(
    '/dashboard/pods/:name',
    guarded(async ({ res, url, params }) => {
      const p = period(url);
      const name = await knownPod(params.name);
      if (name === null) throw badRequest('a pod name is needed');
      const page = await loadPodPage(ctx, p, name);
      if (!page) throw Object.assign(new Error(`pod "${name}" is archived`), { status: 404 });
      sendHtml(res, 200, renderPodPage({ period: p, ...page }));
    }),
  );
  router.get(
    '/dashboard/calls',
    guarded(async ({ res, url }) => {
      const p = period(url);
      sendHtml(res, 200, renderCallsPage({ period: p, calls: await loadCalls(ctx, p), pods: await loadPodLinks(ctx) }));
    }),
  );
  router.get(
    '/dashboard/export/first-timers.csv',
    guarded(async ({ res, url }) => {
      sendCsv(res, 'first-timers.csv', renderFirstTimersCsv(await loadFirstTimers(ctx, period(url), await knownPod(url.searchParams.get('pod')))));
    }),
  );
  router.get(
    '/dashboard/export/pods.csv',
    guarded(async ({ res, url }) => {
      sendCsv(res, 'pod-metrics.csv', renderPodMetricsCsv(await loadPodMetrics(ctx, period(url))));
    }),
  );
}
