// Credits a release the webhook told us about: gather, decide, then write through the outbox. The body edit is
// keyed by the exact before→after transition and the announcement per release and part, enqueued once ever, so a
// redelivery or a concurrent run writes nothing twice.
import type { AppContext } from '../context';
import type { GitHubClient } from '../clients/github';
import { buildReleaseAnnouncement } from './core/announce/build-release-announcement';
import type { FittedBody } from './core/body/fit-credits-block';
import { makeAnnouncementKey, makeBodyEditKey } from './core/make-outbox-keys';
import { releaseSettingsFor } from './config';
import { GatherReleaseError } from './gather/gather-release';
import { planReleaseBody, prepareCredits, readCurrentRelease, type PreparedCredits } from './prepare-credits';
import type { Credits } from './types';

/** A release as the webhook names it. */
export interface ReleaseToCredit {
  owner: string;
  repo: string;
  id: number;
  tag: string;
  /** The release's name, or its tag when it has none. */
  name: string;
  url: string;
  draft: boolean;
  /** What a draft will tag when it is published. */
  targetCommitish?: string;
}

export type CreditFlowContext = Pick<AppContext, 'github' | 'db' | 'config' | 'env' | 'outbox' | 'clock' | 'log'>;

/** Slack shows announcements in order only if part n+1 is not sent before part n; the outbox sends in parallel. */
const ANNOUNCEMENT_PART_SPACING_MS = 2_000;

/** Past this, GitHub's 10-second delivery timeout is near: logged as a warning. */
const SLOW_MS = 8_000;

/**
 * 1. Gather the release and decide the credits (prepare-credits.ts).
 * 2. Re-read the body and plan the edit; enqueue it.
 * 3. Announce in Slack, once per release ever (not for drafts).
 */
export async function creditRelease(
  appCtx: CreditFlowContext,
  release: ReleaseToCredit,
  { delivery, announce }: { delivery: string; announce: boolean },
): Promise<void> {
  const { owner, repo } = release;
  // podbot.yml's release settings as they apply to this repository (releases.overrides).
  const ctx = { ...appCtx, config: { ...appCtx.config, releases: releaseSettingsFor(appCtx.config.releases, `${owner}/${repo}`) } };
  const log = ctx.log.child({ feature: 'releases', delivery, repo: `${owner}/${repo}`, tag: release.tag, releaseId: release.id });
  if (!ctx.github) {
    log.warn({ code: 'RELEASE_GITHUB_API_OFF' }, 'releases: GitHub API access is off; cannot credit the release');
    return;
  }
  // A duration, not a time of day: measured with the monotonic timer, so the injected clock stays the only source of "now".
  const started = performance.now();

  // 1. Gather and decide.
  const prepared = await prepare(ctx, ctx.github, release, log);
  if (!prepared) return;
  const { gathered, credits } = prepared;

  // 2. The body edit.
  const { planned, edits } = await enqueueBodyEdit(ctx, ctx.github, release, credits);

  // 3. The announcement.
  const announced = announce ? await enqueueAnnouncement(ctx, release, credits) : 0;

  const durationMs = Math.round(performance.now() - started);
  log[durationMs > SLOW_MS ? 'warn' : 'info'](
    {
      previousTag: gathered.release.previousTag,
      commits: gathered.commitCount,
      pullRequests: gathered.prs.length,
      contributors: credits.contributors.length,
      newContributors: credits.newContributors.length,
      githubRequests: gathered.requests,
      collapse: planned.level,
      bodyChanged: planned.changed,
      editsEnqueued: edits,
      announcementsEnqueued: announced,
      durationMs,
    },
    'releases: credits prepared',
  );
}

async function prepare(
  ctx: CreditFlowContext,
  github: GitHubClient,
  release: ReleaseToCredit,
  log: CreditFlowContext['log'],
): Promise<PreparedCredits | null> {
  try {
    return await prepareCredits(
      { github, db: ctx.db, config: ctx.config, onProgress: (message) => log.debug({ progress: message }, 'releases: gathering') },
      {
        owner: release.owner,
        repo: release.repo,
        tag: release.tag,
        // A draft's tag does not exist until it is published; compare against what it will tag.
        headRef: release.draft && release.targetCommitish ? release.targetCommitish : undefined,
      },
    );
  } catch (error) {
    // A repository's first release (or one whose previous release is not an ancestor) has no range to credit;
    // redelivering would not change that, so the delivery is done and the log says how to credit it by hand.
    if (error instanceof GatherReleaseError && (error.code === 'NO_PREVIOUS_RELEASE' || error.code === 'NOT_AN_ANCESTOR')) {
      log.warn(
        { code: error.code, reason: error.message },
        'releases: no range to credit; run npm run release-notes -- --repo OWNER/NAME --tag TAG --previous REF to credit it',
      );
      return null;
    }
    throw error;
  }
}

/** Re-reads the body right before deciding the edit, to keep the window for a person's edit small. */
async function enqueueBodyEdit(
  ctx: CreditFlowContext,
  github: GitHubClient,
  release: ReleaseToCredit,
  credits: Credits,
): Promise<{ planned: FittedBody; edits: number }> {
  const { owner, repo, id } = release;
  const current = await readCurrentRelease(github, owner, repo, id);
  const planned = planReleaseBody(current.body, credits, ctx.config);
  if (!planned.changed) return { planned, edits: 0 };
  const edits = await ctx.outbox.enqueue({
    key: makeBodyEditKey(`${owner}/${repo}`, id, current.body, planned.body),
    target: 'github',
    method: 'PATCH /repos/{owner}/{repo}/releases/{release_id}',
    payload: { owner, repo, release_id: id, body: planned.body },
  });
  return { planned, edits };
}

async function enqueueAnnouncement(ctx: CreditFlowContext, release: ReleaseToCredit, credits: Credits): Promise<number> {
  const channel = ctx.config.releases.channel;
  if (release.draft || !ctx.config.releases.announce || !channel || !ctx.env.slack) return 0;
  const repoName = `${release.owner}/${release.repo}`;
  if (await ctx.outbox.has(makeAnnouncementKey(repoName, release.id, 0))) return 0;
  const messages = buildReleaseAnnouncement(credits, { name: release.name, url: release.url });
  const now = ctx.clock.now().getTime();
  return ctx.outbox.enqueue(
    messages.map((message, part) => ({
      key: makeAnnouncementKey(repoName, release.id, part),
      target: 'slack' as const,
      method: 'chat.postMessage',
      payload: { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false },
      notBefore: new Date(now + part * ANNOUNCEMENT_PART_SPACING_MS),
    })),
  );
}
