import type { AppContext } from '../context';
import { section, type SlackMessage } from '../kit/slack/blocks';
import type { Level } from '../kit/contributors/level';
import { parseLinkGitHubCommand } from './core/parse-link-github-command';
import { parseUnlinkGitHubCommand } from './core/parse-unlink-github-command';
import { renderCurrentLink, renderIdentityUsage, renderUnlinked, renderUnlinkOthersRefused } from './core/render-identity-replies';
import { linkGitHub, renderLinkOutcome, unlinkGitHub } from './link-github';

/**
 * `/link-github [login]`:
 * 1. parse (a mistyped command gets the usage text);
 * 2. without a login, show the current link and level;
 * 3. with one, link it (see linkGitHub) and say how that went.
 */
export async function runLinkGitHubCommand(ctx: Pick<AppContext, 'db' | 'github' | 'log'>, slackUserId: string, text: string): Promise<SlackMessage> {
  const parsed = parseLinkGitHubCommand(text);
  if (parsed.kind === 'usage') return reply(renderIdentityUsage(parsed.problem));
  if (parsed.kind === 'show') {
    const me = await ctx.db.contributor.findUnique({ where: { slackUserId } });
    return reply(renderCurrentLink(me?.githubLogin ?? undefined, me ? { level: me.level as Level, source: me.levelSource } : undefined));
  }
  const outcome = await linkGitHub(ctx, slackUserId, parsed.login);
  ctx.log.info({ user: slackUserId, outcome: outcome.kind }, 'identity: /link-github');
  return reply(renderLinkOutcome(outcome));
}

/**
 * `/unlink-github [@user]`:
 * 1. parse;
 * 2. someone else's link: admins only, and logged;
 * 3. otherwise remove the caller's own link.
 */
export async function runUnlinkGitHubCommand(ctx: Pick<AppContext, 'db' | 'log' | 'isAdmin'>, slackUserId: string, text: string): Promise<SlackMessage> {
  const parsed = parseUnlinkGitHubCommand(text);
  if (parsed.kind === 'usage') return reply(renderIdentityUsage(parsed.problem));
  if (parsed.kind === 'other' && parsed.slackUserId !== slackUserId) {
    if (!ctx.isAdmin(slackUserId)) return reply(renderUnlinkOthersRefused());
    const login = await unlinkGitHub(ctx, parsed.slackUserId);
    ctx.log.info({ admin: slackUserId, user: parsed.slackUserId, login }, 'identity: admin unlinked a GitHub login');
    return reply(renderUnlinked(login, parsed.slackUserId));
  }
  return reply(renderUnlinked(await unlinkGitHub(ctx, slackUserId)));
}

/** One mrkdwn section with the same text as the notification fallback. */
function reply(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
