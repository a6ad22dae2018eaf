import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { levelForLogin } from '../ledger';
import type { Level } from '../kit/contributors/level';
import { decideLink } from './core/decide-link';
import {
  renderAlreadyLinked,
  renderGitHubUnavailable,
  renderLinked,
  renderLoginNotFound,
  renderLoginTaken,
} from './core/render-identity-replies';

export type LinkOutcome =
  | { kind: 'linked'; login: string; level: Level; replacing?: string }
  | { kind: 'already-linked'; login: string }
  | { kind: 'taken'; login: string; owner: string }
  | { kind: 'not-found'; login: string }
  | { kind: 'github-unavailable' };

/**
 * Links a Slack user to a GitHub login:
 * 1. ask GitHub whether the login exists (and take its canonical spelling);
 * 2. refuse a login that belongs to someone else;
 * 3. store the link and the level the ledger gives that login (levelSource = ledger).
 */
export async function linkGitHub(ctx: Pick<AppContext, 'db' | 'github' | 'log'>, slackUserId: string, requested: string): Promise<LinkOutcome> {
  if (!ctx.github) return { kind: 'github-unavailable' };
  let login: string;
  try {
    const { data } = await ctx.github.request('GET /users/{username}', { username: requested });
    login = data.login;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { kind: 'not-found', login: requested };
    ctx.log.warn({ login: requested, err: errorSummary(error) }, 'identity: GitHub user lookup failed');
    return { kind: 'github-unavailable' };
  }

  const [caller, owner] = await Promise.all([
    ctx.db.contributor.findUnique({ where: { slackUserId } }),
    ctx.db.contributor.findUnique({ where: { githubLoginLower: login.toLowerCase() } }),
  ]);
  const decision = decideLink({ caller: slackUserId, login, callerLogin: caller?.githubLogin ?? undefined, ownerOfLogin: owner?.slackUserId });
  if (decision.kind === 'taken') return { kind: 'taken', login, owner: decision.owner };
  if (decision.kind === 'already-linked') return { kind: 'already-linked', login };

  const level = await levelForLogin(ctx.db, login);
  const data = { githubLogin: login, githubLoginLower: login.toLowerCase(), level, levelSource: 'ledger' };
  try {
    await ctx.db.contributor.upsert({ where: { slackUserId }, create: { slackUserId, ...data }, update: data });
  } catch (error) {
    // Two people linking the same login at once: the unique index lets one win; the other is told who has it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await ctx.db.contributor.findUnique({ where: { githubLoginLower: login.toLowerCase() } });
      if (winner && winner.slackUserId !== slackUserId) return { kind: 'taken', login, owner: winner.slackUserId };
    }
    throw error;
  }
  return { kind: 'linked', login, level, replacing: decision.replacing };
}

export function renderLinkOutcome(outcome: LinkOutcome): string {
  switch (outcome.kind) {
    case 'linked':
      return renderLinked(outcome.login, outcome.level, outcome.replacing);
    case 'already-linked':
      return renderAlreadyLinked(outcome.login);
    case 'taken':
      return renderLoginTaken(outcome.login, outcome.owner);
    case 'not-found':
      return renderLoginNotFound(outcome.login);
    case 'github-unavailable':
      return renderGitHubUnavailable();
  }
}

/** Removes a link; returns the login that was linked, if any. The level stays, but is no longer derived. */
export async function unlinkGitHub(ctx: Pick<AppContext, 'db'>, slackUserId: string): Promise<string | undefined> {
  const contributor = await ctx.db.contributor.findUnique({ where: { slackUserId } });
  if (!contributor?.githubLogin) return undefined;
  await ctx.db.contributor.update({
    where: { id: contributor.id },
    data: { githubLogin: null, githubLoginLower: null, levelSource: 'self' },
  });
  return contributor.githubLogin;
}
