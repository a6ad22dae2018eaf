import type { IncomingMessage } from 'node:http';
import { secretsEqual, verifyAccessToken } from '../core/access-token';

export const SESSION_COOKIE = 'podbot_dashboard';

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Whether a dashboard request carries access: the API token as a bearer, or a valid signed session or link token. */
export function hasAccess(req: IncomingMessage, url: URL, apiToken: string, key: Buffer, now: Date): boolean {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && secretsEqual(auth.slice(7), apiToken)) return true;
  const session = cookie(req, SESSION_COOKIE);
  if (session && verifyAccessToken(key, session, now).ok) return true;
  const link = url.searchParams.get('token');
  return link !== null && verifyAccessToken(key, link, now).ok;
}
