import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Dashboard access tokens: `v1.<expires, unix seconds>.<kind>.<HMAC-SHA256>`. `link` tokens come from
 * `/pod dashboard-link`; `session` tokens are set as a cookie after signing in with the API token. Both are read-only.
 * The key is derived from PODBOT_API_TOKEN, so rotating the API token revokes every link and session.
 */
export type AccessKind = 'link' | 'session';

export function deriveDashboardKey(apiToken: string): Buffer {
  return createHmac('sha256', apiToken).update('podbot dashboard access v1').digest();
}

export function signAccessToken(key: Buffer, kind: AccessKind, expiresAt: Date): string {
  const body = `v1.${Math.floor(expiresAt.getTime() / 1000)}.${kind}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

export type AccessCheck = { ok: true; kind: AccessKind; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyAccessToken(key: Buffer, token: string, now: Date): AccessCheck {
  const match = /^v1\.(\d{1,12})\.(link|session)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', key).update(`v1.${match[1]}.${match[2]}`).digest();
  const given = Buffer.from(match[3], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  const expiresAt = new Date(Number(match[1]) * 1000);
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, kind: match[2] as AccessKind, expiresAt };
}

/** Compares two secrets in constant time (hashing first, so their lengths do not leak either). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
