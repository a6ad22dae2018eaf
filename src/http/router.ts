import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBodyWithin } from './body-budget';

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type RouteHandler = (request: RouteRequest) => Promise<void> | void;

interface Route {
  method: string;
  /** The pattern as registered, e.g. /calls/:slug.ics (used as the metrics label). */
  path: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
  /** Routes under /api/* require PODBOT_API_TOKEN. */
  api: boolean;
}

/** A small method + path router: `/calls/:slug.ics` style patterns. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): void {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((part) =>
        part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_m, key: string) => {
          keys.push(key);
          return '([^/]+?)';
        }),
      )
      .join('/');
    this.routes.push({ method, path, pattern: new RegExp(`^${source}$`), keys, handler, api: path.startsWith('/api/') });
  }

  get(path: string, handler: RouteHandler): void {
    this.add('GET', path, handler);
  }

  post(path: string, handler: RouteHandler): void {
    this.add('POST', path, handler);
  }

  /** The matching route, or whether the path exists with another method (405). */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodePathSegment(m[i + 1])));
      return { route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

/** A percent-decoded path segment; a malformed escape (`%ZZ`) is the client's error (400), not ours. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `malformed percent-encoding in path segment "${segment.slice(0, 100)}"`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body, refusing anything over `limit` bytes (413), before reading it when Content-Length says so. */
export async function readBody(req: IncomingMessage, limit = 25 * 1024 * 1024): Promise<Buffer> {
  return readBodyWithin(req, limit);
}
